package org.tifli.console;

import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.logging.Logger;
import org.tifli.api.Caller;
import org.tifli.application.AlertWorkflow;
import org.tifli.application.AlertWorkflow.PlannedStage;
import org.tifli.application.AreaDirectory;
import org.tifli.application.PostTemplates;
import org.tifli.application.TemplatePreview;
import org.tifli.domain.ActivationCriteria;
import org.tifli.domain.Alert;
import org.tifli.domain.AlertStatus;
import org.tifli.domain.Channel;
import org.tifli.domain.ForbiddenActionException;
import org.tifli.domain.IllegalTransitionException;
import org.tifli.domain.MissingChildCase;
import org.tifli.domain.PostLanguage;
import org.tifli.domain.RecordNotFoundException;
import org.tifli.publicpage.PublicPageSettings;

/**
 * The supervisor's queue of alert requests and the decision on one of them. For the request
 * selected ({@code ?alert=N}, else the latest) it shows what the officer recorded (the criteria
 * checklist and the justification), what approving it now would reach stage by stage (areas and
 * channels, by {@link AlertWorkflow#plan}) and the alert's post as each platform would get it in
 * each language ({@link PostTemplates#alertPost}). Approving and rejecting go through {@link
 * AlertWorkflow}, which refuses the requester their own request (four eyes) and a request decided
 * meanwhile: both come back as a message.
 */
@Named
@ViewScoped
public class AlertApprovals implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final Logger LOG = Logger.getLogger(AlertApprovals.class.getName());

  /** The decision's form: a refusal shows there, beside the buttons, where the user looks. */
  private static final String DECISION = "decision";

  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  /** The languages a post is always shown in; Tamazight too when a channel of the plan takes it. */
  private static final Set<PostLanguage> SHOWN_LANGUAGES =
      EnumSet.of(PostLanguage.AR, PostLanguage.FR, PostLanguage.EN);

  @EJB private transient AlertWorkflow alerts;

  @EJB private transient PostTemplates templates;

  @Inject private transient AreaDirectory areas;

  @Inject private transient Caller caller;

  @Inject private transient PublicPageSettings settings;

  /** A request in the queue. */
  public record RequestRow(
      long id, String reference, String requestedBy, String requestedAt, boolean exercise)
      implements Serializable {}

  /** The request being decided, as the officer recorded it. */
  public record Request(
      long id,
      long caseId,
      String reference,
      String requestedBy,
      String requestedAt,
      boolean exercise,
      boolean minor,
      boolean danger,
      boolean descriptionSufficient,
      boolean guardianConsent,
      boolean allMet,
      String justification,
      boolean own)
      implements Serializable {}

  /** A channel a stage would post to; never its secret. */
  public record ChannelRow(
      long id, String platform, String area, String account, String languages, boolean exercise)
      implements Serializable {}

  /** A stage of the widening as approval now would carry it out. */
  public record StageRow(
      int number, String offset, String scope, List<String> areas, List<ChannelRow> channels)
      implements Serializable {}

  /** The alert's post in one language on one platform, as it would be published. */
  public record PostRow(
      String language,
      boolean rightToLeft,
      String platform,
      String text,
      int length,
      int limit,
      boolean shortened)
      implements Serializable {}

  private Long selectedId;
  private List<RequestRow> queue = List.of();
  private Request request;
  private List<StageRow> stages = List.of();
  private List<PostRow> posts = List.of();
  private String mapData = "{}";
  private String reason;

  /** The view action: the queue, and the request selected, if it is still waiting. */
  public void load() {
    FacesContext faces = FacesContext.getCurrentInstance();
    ConsoleText.showCarried(faces);
    queue = alerts.pending().stream().map(this::row).toList();
    if (selectedId == null && !queue.isEmpty()) {
      selectedId = queue.get(0).id();
    }
    request = null;
    stages = List.of();
    posts = List.of();
    if (selectedId == null) {
      return;
    }

    Alert alert = alerts.find(selectedId).orElse(null);
    if (alert == null || alert.status() != AlertStatus.PENDING_APPROVAL) {
      ConsoleText.info(faces, "approvals.notWaiting");
      selectedId = null;
      return;
    }
    show(faces, alert);
  }

  /** Approves the request and opens the alert's page, where its deliveries show as they go. */
  public String approve() {
    FacesContext faces = FacesContext.getCurrentInstance();
    if (!decidable(faces)) {
      return null;
    }
    long id = request.id();
    try {
      alerts.approve(id, caller.actor());
    } catch (ForbiddenActionException e) {
      ConsoleText.error(faces, DECISION, "approvals.ownRequest");
      return null;
    } catch (IllegalTransitionException | RecordNotFoundException e) {
      ConsoleText.error(faces, DECISION, "approvals.decidedMeanwhile");
      return null;
    }

    LOG.fine(() -> "Alert " + id + " approved from the console");
    ConsoleText.infoAfterRedirect(faces, "approvals.approved", request.reference());
    return ConsolePage.ALERT.viewId() + "?faces-redirect=true&id=" + id;
  }

  /**
   * Rejects the request and shows the queue again; a reason is required, and said beside its field
   * when missing.
   */
  public String reject() {
    FacesContext faces = FacesContext.getCurrentInstance();
    if (!decidable(faces)) {
      return null;
    }
    if (reason == null || reason.isBlank()) {
      ConsoleText.error(faces, DECISION + ":reason", "approvals.reason.required");
      return null;
    }
    if (reason.length() > Alert.TEXT_LENGTH) {
      ConsoleText.error(faces, DECISION + ":reason", "approvals.reason.tooLong", Alert.TEXT_LENGTH);
      return null;
    }
    long id = request.id();
    try {
      alerts.reject(id, caller.actor(), reason.trim());
    } catch (ForbiddenActionException e) {
      ConsoleText.error(faces, DECISION, "approvals.ownRequest");
      return null;
    } catch (IllegalTransitionException | RecordNotFoundException e) {
      ConsoleText.error(faces, DECISION, "approvals.decidedMeanwhile");
      return null;
    }

    LOG.fine(() -> "Alert " + id + " rejected from the console");
    ConsoleText.infoAfterRedirect(faces, "approvals.rejected", request.reference());
    return ConsolePage.APPROVALS.viewId() + "?faces-redirect=true";
  }

  private boolean decidable(FacesContext faces) {
    if (request == null) {
      ConsoleText.error(faces, DECISION, "approvals.notWaiting");
      return false;
    }
    return true;
  }

  private void show(FacesContext faces, Alert alert) {
    ResourceBundle text = ConsoleText.bundle(faces);
    MissingChildCase missing = alert.missingChildCase();
    ActivationCriteria criteria = alert.criteria();
    request =
        new Request(
            alert.id(),
            missing.id(),
            missing.reference(),
            alert.requestedBy(),
            WHEN.format(alert.requestedAt().atZone(settings.timeZone())),
            alert.exercise(),
            criteria.minor(),
            criteria.danger(),
            criteria.descriptionSufficient(),
            criteria.guardianConsent(),
            criteria.allMet(),
            alert.justification(),
            alert.requestedBy().equals(caller.actor().name()));

    List<PlannedStage> plan = alerts.plan(alert.id());
    stages = plan.stream().map(stage -> row(stage, text)).toList();
    mapData =
        StageMap.json(
            faces,
            areas,
            settings,
            missing.lastSeen().latitude(),
            missing.lastSeen().longitude(),
            plan.stream()
                .map(
                    stage ->
                        new StageMap.Stage(
                            stage.index() + 1,
                            ConsoleText.scope(stage.stage().scope(), text),
                            stage.newAreas()))
                .toList());

    Set<PostLanguage> languages = EnumSet.copyOf(SHOWN_LANGUAGES);
    plan.stream()
        .flatMap(stage -> stage.channels().stream())
        .flatMap(channel -> channel.languages().stream())
        .forEach(code -> PostLanguage.of(code).ifPresent(languages::add));
    List<PostRow> shown = new ArrayList<>();
    for (PostLanguage language : languages) {
      TemplatePreview preview = templates.alertPost(alert.id(), language);
      for (TemplatePreview.PlatformPost post : preview.posts()) {
        shown.add(
            new PostRow(
                language.code(),
                language.rightToLeft(),
                post.platform().name(),
                post.text(),
                post.length(),
                post.limit(),
                post.shortened()));
      }
    }
    posts = List.copyOf(shown);
  }

  private StageRow row(PlannedStage stage, ResourceBundle text) {
    return new StageRow(
        stage.index() + 1,
        ConsoleText.elapsed(stage.stage().offset(), text),
        ConsoleText.scope(stage.stage().scope(), text),
        stage.newAreas().stream().map(code -> ConsoleText.areaName(areas, code)).toList(),
        stage.channels().stream().map(this::row).toList());
  }

  private ChannelRow row(Channel channel) {
    return new ChannelRow(
        channel.id(),
        channel.platform().name(),
        ConsoleText.areaName(areas, channel.areaCode()),
        channel.accountId(),
        String.join(", ", channel.languages()),
        channel.exercise());
  }

  private RequestRow row(Alert alert) {
    return new RequestRow(
        alert.id(),
        alert.missingChildCase().reference(),
        alert.requestedBy(),
        WHEN.format(alert.requestedAt().atZone(settings.timeZone())),
        alert.exercise());
  }

  public Long getSelectedId() {
    return selectedId;
  }

  public void setSelectedId(Long selectedId) {
    this.selectedId = selectedId;
  }

  public List<RequestRow> getQueue() {
    return queue;
  }

  public Request getRequest() {
    return request;
  }

  public List<StageRow> getStages() {
    return stages;
  }

  public List<PostRow> getPosts() {
    return posts;
  }

  public String getMapData() {
    return mapData;
  }

  public String getReason() {
    return reason;
  }

  public void setReason(String reason) {
    this.reason = reason;
  }
}
