package org.tifli.console;

import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.model.SelectItem;
import jakarta.faces.model.SelectItemGroup;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.text.MessageFormat;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.logging.Logger;
import org.tifli.api.Caller;
import org.tifli.application.AreaDirectory;
import org.tifli.application.ChannelDirectory;
import org.tifli.application.ChannelRevision;
import org.tifli.domain.Channel;
import org.tifli.domain.ChannelStatus;
import org.tifli.domain.IllegalTransitionException;
import org.tifli.domain.InvalidRequestException;
import org.tifli.domain.Platform;
import org.tifli.domain.PostLanguage;
import org.tifli.domain.RecordNotFoundException;
import org.tifli.geo.AdministrativeArea;
import org.tifli.geo.AreaLevel;
import org.tifli.publicpage.PublicPageSettings;

/**
 * The administrators' page of channels, through the same {@link ChannelDirectory} as {@code
 * /api/v1/channels}: the channels of an area and of a status, a new one registered, one revised
 * (its languages, whether it takes exercises, a new secret), retired and brought back, and its
 * history. Retiring a channel asks for a confirmation, and for the reason to keep in its history.
 *
 * <p>A secret is write-only: it goes from the form to the directory and is forgotten at once; no
 * field of the page ever carries one back, and nothing logs it. A new secret puts a channel that
 * needs a fix back in service, as the API's revision does.
 */
@Named
@ViewScoped
public class ChannelAdministration implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final Logger LOG = Logger.getLogger(ChannelAdministration.class.getName());
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
  private static final int HISTORY_LENGTH = 100;

  /** As long as the API takes a reason for a retirement. */
  private static final int REASON_LENGTH = 1000;

  @EJB private transient ChannelDirectory channels;

  @Inject private transient AreaDirectory areas;

  @Inject private transient Caller caller;

  @Inject private transient PublicPageSettings settings;

  /**
   * A channel as the table shows it: never its secret.
   *
   * @param problem the platform's refusal while the channel needs a fix, else null
   */
  public record ChannelRow(
      long id,
      String area,
      String areaName,
      Platform platform,
      String accountId,
      List<String> languages,
      boolean exercise,
      ChannelStatus status,
      String problem,
      String problemSince,
      String retiredAt)
      implements Serializable {

    /** The bundle key of the platform's name. */
    public String platformKey() {
      return "channels.platform." + platform.name();
    }

    /** The bundle key of the status's name. */
    public String statusKey() {
      return "channels.status." + status.name();
    }
  }

  private List<SelectItem> areaChoices = List.of();
  private String areaFilter;
  private ChannelStatus statusFilter;
  private List<ChannelRow> rows = List.of();

  private String area;
  private Platform platform;
  private String accountId;
  private String secret;
  private List<String> languages = new ArrayList<>(List.of(PostLanguage.FR.code()));
  private boolean exercise;

  private ChannelRow retiring;
  private String retirementReason;

  private ChannelRow selected;
  private List<String> revisedLanguages = new ArrayList<>();
  private boolean revisedExercise;
  private String newSecret;
  private List<AuditHistory.Entry> history = List.of();

  /** The view action. */
  public void load() {
    areaChoices = areaChoices();
    refresh();
  }

  /** Shows the channels of the area and status chosen in the filter. */
  public void filter() {
    refresh();
  }

  /** Registers the channel of the form; a message beside the field that stops it. */
  public void create() {
    FacesContext faces = FacesContext.getCurrentInstance();
    ResourceBundle text = ConsoleText.bundle(faces);
    if (accountId == null || accountId.isBlank()) {
      forgetSecret();
      ConsoleText.refuse(faces, "create:accountId", text.getString("channels.accountId.required"));
      return;
    }

    Channel channel;
    try {
      channel =
          channels.register(
              area, platform, accountId.strip(), secret, languages, exercise, caller.actor());
    } catch (InvalidRequestException e) {
      ConsoleText.refuse(faces, "create:" + formField(e.field()), refusal(text, e.field()));
      return;
    } finally {
      forgetSecret();
    }

    ConsoleText.say(
        faces, MessageFormat.format(text.getString("channels.created"), channel.accountId()));
    LOG.fine(() -> "Channel " + channel.id() + " registered from the console");
    accountId = null;
    exercise = false;
    languages = new ArrayList<>(List.of(PostLanguage.FR.code()));
    refresh();
    open(channel.id());
  }

  /** Opens a channel below the table: its revision form and its history. */
  public void open(long channelId) {
    Optional<Channel> channel = channels.find(channelId);
    if (channel.isEmpty()) {
      FacesContext faces = FacesContext.getCurrentInstance();
      ConsoleText.refuse(faces, null, ConsoleText.bundle(faces).getString("channels.gone"));
      close();
      refresh();
      return;
    }
    selected = row(channel.get());
    revisedLanguages = new ArrayList<>(selected.languages());
    revisedExercise = selected.exercise();
    newSecret = null;
    history = AuditHistory.of(channels.history(channelId, 0, HISTORY_LENGTH), settings.timeZone());
  }

  public void close() {
    selected = null;
    newSecret = null;
    history = List.of();
  }

  /**
   * Revises the open channel with what changed on the form: its languages, whether it takes
   * exercises, and a new secret if one was typed (left empty, the old one stays).
   */
  public void revise() {
    FacesContext faces = FacesContext.getCurrentInstance();
    ResourceBundle text = ConsoleText.bundle(faces);
    if (selected == null) {
      forgetSecret();
      return;
    }
    boolean neededFix = selected.status() == ChannelStatus.NEEDS_FIX;
    String replacement = newSecret == null || newSecret.isEmpty() ? null : newSecret;
    ChannelRevision revision =
        new ChannelRevision(
            revisedLanguages.equals(selected.languages()) ? null : List.copyOf(revisedLanguages),
            revisedExercise == selected.exercise() ? null : revisedExercise,
            replacement);

    Channel channel;
    try {
      channel = channels.revise(selected.id(), revision, caller.actor());
    } catch (InvalidRequestException e) {
      ConsoleText.refuse(faces, "revise:" + reviseField(e.field()), refusal(text, e.field()));
      return;
    } catch (RecordNotFoundException e) {
      ConsoleText.refuse(faces, null, text.getString("channels.gone"));
      close();
      refresh();
      return;
    } finally {
      forgetSecret();
    }

    boolean fixed = neededFix && channel.status() == ChannelStatus.ACTIVE;
    String done = fixed ? "channels.fixed" : "channels.revised";
    ConsoleText.say(faces, MessageFormat.format(text.getString(done), channel.accountId()));
    refresh();
    open(channel.id());
  }

  /** Asks to confirm the channel's retirement, with a reason for its history if one is given. */
  public void askRetirement(ChannelRow channel) {
    retiring = channel;
    retirementReason = null;
  }

  /** Retires the channel whose retirement was confirmed, with the reason given. */
  public void retire() {
    if (retiring == null) {
      return;
    }
    String reason =
        retirementReason == null || retirementReason.isBlank() ? null : retirementReason.strip();
    if (reason != null && reason.length() > REASON_LENGTH) {
      FacesContext faces = FacesContext.getCurrentInstance();
      ConsoleText.refuse(
          faces,
          "retire:reason",
          ConsoleText.bundle(faces).getString("channels.retire.reason.tooLong"));
      return;
    }
    transition(retiring.id(), true, reason);
    cancelRetirement();
  }

  public void cancelRetirement() {
    retiring = null;
    retirementReason = null;
  }

  public void reinstate(long channelId) {
    transition(channelId, false, null);
  }

  private void transition(long channelId, boolean retire, String reason) {
    FacesContext faces = FacesContext.getCurrentInstance();
    ResourceBundle text = ConsoleText.bundle(faces);
    try {
      Channel channel =
          retire
              ? channels.retire(channelId, reason, caller.actor())
              : channels.reinstate(channelId, caller.actor());
      String done = retire ? "channels.retired" : "channels.reinstated";
      ConsoleText.say(faces, MessageFormat.format(text.getString(done), channel.accountId()));
    } catch (IllegalTransitionException e) {
      ConsoleText.refuse(faces, null, text.getString("channels.changedMeanwhile"));
    } catch (RecordNotFoundException e) {
      ConsoleText.refuse(faces, null, text.getString("channels.gone"));
    }
    refresh();
    if (selected != null && selected.id() == channelId) {
      open(channelId);
    }
  }

  /** The channels of the filter, the newest first: one just registered heads the table. */
  private void refresh() {
    rows =
        channels.list(Optional.ofNullable(areaFilter), Optional.ofNullable(statusFilter)).stream()
            .sorted(Comparator.comparing(Channel::id).reversed())
            .map(this::row)
            .toList();
  }

  private ChannelRow row(Channel channel) {
    return new ChannelRow(
        channel.id(),
        channel.areaCode(),
        areaName(channel.areaCode()),
        channel.platform(),
        channel.accountId(),
        channel.languages(),
        channel.exercise(),
        channel.status(),
        channel.problem().orElse(null),
        channel.problemSince().map(this::shown).orElse(null),
        channel.retiredAt().map(this::shown).orElse(null));
  }

  private String shown(Instant instant) {
    return WHEN.format(instant.atZone(settings.timeZone()));
  }

  /** The area's name in French and in Arabic, as the police name it in both. */
  private String areaName(String code) {
    return areas.find(code).map(ChannelAdministration::bothNames).orElse(code);
  }

  private static String bothNames(AdministrativeArea area) {
    return area.nameFr() + " · " + area.nameAr();
  }

  /** The directory's field as the creation form names its input. */
  private static String formField(String field) {
    return switch (field) {
      case "area", "accountId", "secret", "languages" -> field;
      default -> "accountId";
    };
  }

  /** The directory's field as the revision form names its input. */
  private static String reviseField(String field) {
    return field.equals("languages") ? "languages" : "secret";
  }

  /** The bundle's explanation of why the directory refused the field. */
  private static String refusal(ResourceBundle text, String field) {
    return switch (field) {
      case "area" -> text.getString("channels.area.invalid");
      case "accountId" -> text.getString("channels.accountId.taken");
      case "languages" -> text.getString("channels.languages.required");
      default -> text.getString("channels.secret.invalid");
    };
  }

  private void forgetSecret() {
    secret = null;
    newSecret = null;
  }

  // What the page reads.

  /**
   * The areas to choose from: each region, then its provinces, named in French and Arabic with
   * their code.
   */
  private List<SelectItem> areaChoices() {
    List<SelectItem> groups = new ArrayList<>();
    List<AdministrativeArea> all = areas.areas();
    for (AdministrativeArea region : all) {
      if (region.level() != AreaLevel.REGION) {
        continue;
      }
      List<SelectItem> inRegion = new ArrayList<>();
      inRegion.add(new SelectItem(region.code(), choiceLabel(region)));
      all.stream()
          .filter(area -> region.code().equals(area.parentCode()))
          .forEach(area -> inRegion.add(new SelectItem(area.code(), choiceLabel(area))));
      SelectItemGroup group = new SelectItemGroup(bothNames(region));
      group.setSelectItems(inRegion.toArray(SelectItem[]::new));
      groups.add(group);
    }
    return groups;
  }

  public List<SelectItem> getAreaChoices() {
    return areaChoices;
  }

  private static String choiceLabel(AdministrativeArea area) {
    return bothNames(area) + " (" + area.code() + ")";
  }

  public List<Platform> getPlatforms() {
    return Arrays.asList(Platform.values());
  }

  public List<ChannelStatus> getStatuses() {
    return Arrays.asList(ChannelStatus.values());
  }

  public List<String> getLanguageChoices() {
    return Arrays.stream(PostLanguage.values()).map(PostLanguage::code).toList();
  }

  public List<ChannelRow> getRows() {
    return rows;
  }

  /** The channel whose retirement waits for confirmation; null when none does. */
  public ChannelRow getRetiring() {
    return retiring;
  }

  public String getRetirementReason() {
    return retirementReason;
  }

  public void setRetirementReason(String retirementReason) {
    this.retirementReason = retirementReason;
  }

  public ChannelRow getSelected() {
    return selected;
  }

  public List<AuditHistory.Entry> getHistory() {
    return history;
  }

  public String getAreaFilter() {
    return areaFilter;
  }

  public void setAreaFilter(String areaFilter) {
    this.areaFilter = areaFilter == null || areaFilter.isBlank() ? null : areaFilter;
  }

  public ChannelStatus getStatusFilter() {
    return statusFilter;
  }

  public void setStatusFilter(ChannelStatus statusFilter) {
    this.statusFilter = statusFilter;
  }

  public String getArea() {
    return area;
  }

  public void setArea(String area) {
    this.area = area;
  }

  public Platform getPlatform() {
    return platform;
  }

  public void setPlatform(Platform platform) {
    this.platform = platform;
  }

  public String getAccountId() {
    return accountId;
  }

  public void setAccountId(String accountId) {
    this.accountId = accountId;
  }

  /** Always null: the page never shows a secret, even one just typed. */
  public String getSecret() {
    return null;
  }

  public void setSecret(String secret) {
    this.secret = secret;
  }

  public List<String> getLanguages() {
    return languages;
  }

  public void setLanguages(List<String> languages) {
    this.languages = Objects.requireNonNullElseGet(languages, ArrayList::new);
  }

  public boolean isExercise() {
    return exercise;
  }

  public void setExercise(boolean exercise) {
    this.exercise = exercise;
  }

  public List<String> getRevisedLanguages() {
    return revisedLanguages;
  }

  public void setRevisedLanguages(List<String> revisedLanguages) {
    this.revisedLanguages = Objects.requireNonNullElseGet(revisedLanguages, ArrayList::new);
  }

  public boolean isRevisedExercise() {
    return revisedExercise;
  }

  public void setRevisedExercise(boolean revisedExercise) {
    this.revisedExercise = revisedExercise;
  }

  /** Always null: the page never shows a secret. */
  public String getNewSecret() {
    return null;
  }

  public void setNewSecret(String newSecret) {
    this.newSecret = newSecret;
  }
}
