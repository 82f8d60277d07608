package org.tifli.application;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.OptimisticLockException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.tifli.domain.IllegalTransitionException;

/**
 * Looks at every active alert at a fixed interval ({@code tifli.alerts.check-interval}, default
 * {@code PT15S}): applies the widening stage that has fallen due and expires alerts whose lifetime
 * ran out.
 *
 * <p>Nothing about the schedule lives in the timer: what is due is computed from each alert's
 * approval time and recorded progress. So a server that was down when a stage fell due catches up
 * at its first look after start, and several servers looking at once apply each stage once (the
 * losers of the race fail on the alert's version and roll back). Each alert is handled in a
 * transaction of its own, so that one failing alert does not hold back the others.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class AlertTimer {

  private static final Logger LOG = Logger.getLogger(AlertTimer.class.getName());

  /** Long enough for the application to finish starting before the first look. */
  private static final Duration FIRST_LOOK = Duration.ofSeconds(5);

  @Resource TimerService timers;

  @EJB AlertWorkflow workflow;

  @Inject
  @ConfigProperty(name = "tifli.alerts.check-interval", defaultValue = "PT15S")
  String interval;

  private final AtomicBoolean looking = new AtomicBoolean();

  @PostConstruct
  void schedule() {
    Duration every = Duration.parse(interval);
    timers.createIntervalTimer(
        FIRST_LOOK.toMillis(), every.toMillis(), new TimerConfig("alert-timer", false));
    LOG.info(() -> "Active alerts are checked every " + every);
  }

  @Timeout
  void look() {
    // A look that outlasts the interval is not overlapped by the next one.
    if (!looking.compareAndSet(false, true)) {
      return;
    }
    try {
      for (long alertId : workflow.activeAlertIds()) {
        handle(alertId);
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Could not list the active alerts; trying again at the next look", e);
    } finally {
      looking.set(false);
    }
  }

  private void handle(long alertId) {
    try {
      workflow.applyDueStage(alertId);
      workflow.expireIfDue(alertId);
    } catch (EJBException e) {
      // Another server, or a supervisor, changed the alert at the same moment: the next look sees
      // the outcome and does what is still due. Anything else is worth a warning.
      Level level = changedMeanwhile(e) ? Level.FINE : Level.WARNING;
      LOG.log(level, e, () -> "Alert " + alertId + " not handled at this look");
    }
  }

  private static boolean changedMeanwhile(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof OptimisticLockException || cause instanceof IllegalTransitionException) {
        return true;
      }
    }
    return false;
  }
}
