package org.tifli.application;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import java.time.Clock;
import java.util.logging.Logger;
import org.tifli.domain.Actor;
import org.tifli.domain.AuditEntry.Subject;
import org.tifli.domain.CaseOutcome;
import org.tifli.domain.CaseStatus;
import org.tifli.domain.MissingChildCase;

/**
 * Ending a case: the child was found (safe, harmed, deceased, or came home), or the report proved
 * unfounded. One action ends the case and every alert it has, in one transaction.
 */
@Stateless
public class CaseResolution {

  private static final Logger LOG = Logger.getLogger(CaseResolution.class.getName());

  @EJB CaseIntake cases;

  @EJB AlertWorkflow alerts;

  @EJB AuditTrail audit;

  private final Clock clock = Clock.systemUTC();

  public MissingChildCase resolve(long caseId, CaseOutcome outcome, String note, Actor supervisor) {
    MissingChildCase resolved = cases.get(caseId);

    resolved.resolve(outcome, note, supervisor.name(), clock.instant());
    audit.record(
        supervisor,
        Subject.CASE,
        caseId,
        caseId,
        "RESOLVED",
        Changes.none()
            .change("status", CaseStatus.OPEN, resolved.status())
            .set("outcome", outcome)
            .set("note", note));
    alerts.endAlertsOf(resolved, outcome.name(), supervisor);

    LOG.info(() -> "Case " + resolved.reference() + " resolved: " + outcome);
    return resolved;
  }
}
