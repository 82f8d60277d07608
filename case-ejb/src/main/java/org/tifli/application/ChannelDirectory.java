package org.tifli.application;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.tifli.domain.Actor;
import org.tifli.domain.AuditEntry;
import org.tifli.domain.AuditEntry.Subject;
import org.tifli.domain.Channel;
import org.tifli.domain.ChannelStatus;
import org.tifli.domain.Delivery;
import org.tifli.domain.DeliveryStatus;
import org.tifli.domain.InvalidRequestException;
import org.tifli.domain.Platform;
import org.tifli.domain.PostLanguage;
import org.tifli.domain.RecordNotFoundException;
import org.tifli.infrastructure.messaging.DeliveryQueue;
import org.tifli.infrastructure.security.SecretCipher;

/**
 * The channels that serve each area, as administrators manage them: registered, revised (their
 * languages, whether they take exercises, their secret), retired and brought back. Credentials are
 * sealed before they are stored, and neither returned nor logged nor audited (the trail records
 * only that a secret changed). Every change is audited.
 *
 * <p>A channel whose platform refused its credential needs a fix ({@link DeliveryLedger#stopChannel
 * stopped} by the publisher): its deliveries fail, waiting for it. A new secret puts it back in
 * service and queues those deliveries again, in the same transaction; each goes out once, or is
 * withdrawn when its turn comes if it shows a child whose alert has ended meanwhile.
 */
@Stateless
public class ChannelDirectory {

  private static final Logger LOG = Logger.getLogger(ChannelDirectory.class.getName());

  @PersistenceContext private EntityManager em;

  @Inject AreaDirectory areas;

  @Inject SecretCipher cipher;

  @EJB AuditTrail audit;

  @EJB DeliveryQueue deliveryQueue;

  private final Clock clock = Clock.systemUTC();

  /**
   * @param languages the languages of its posts, among {@link PostLanguage}'s, at least one
   * @throws InvalidRequestException naming the field: an unknown area, a credential too long, a
   *     language Tifli does not write, or an account that already serves the area on the platform
   */
  public Channel register(
      String areaCode,
      Platform platform,
      String accountId,
      String secret,
      List<String> languages,
      boolean exercise,
      Actor admin) {
    if (areas.find(areaCode).isEmpty()) {
      throw new InvalidRequestException("area", "no area has the code " + areaCode);
    }
    checkSecret(secret);
    List<String> checked = checkedLanguages(languages);
    boolean taken =
        list(Optional.of(areaCode)).stream()
            .anyMatch(c -> c.platform() == platform && c.accountId().equals(accountId));
    if (taken) {
      throw new InvalidRequestException("accountId", "this account already serves the area");
    }

    Channel channel =
        new Channel(
            areaCode, platform, accountId, cipher.seal(secret), checked, exercise, clock.instant());
    em.persist(channel);
    em.flush();
    audit.record(
        admin,
        Subject.CHANNEL,
        channel.id(),
        null,
        "REGISTERED",
        Changes.of("area", areaCode)
            .set("platform", platform)
            .set("accountId", accountId)
            .secret("secret")
            .set("languages", String.join(",", checked))
            .set("exercise", exercise));

    LOG.info(() -> "Channel " + channel.id() + " (" + platform + ") serves " + areaCode);
    return channel;
  }

  public Optional<Channel> find(long channelId) {
    return Optional.ofNullable(em.find(Channel.class, channelId));
  }

  public Channel get(long channelId) {
    return find(channelId).orElseThrow(() -> new RecordNotFoundException("channel", channelId));
  }

  /** The channels of an area, or all of them, retired ones included. */
  public List<Channel> list(Optional<String> areaCode) {
    return areaCode
        .map(
            code ->
                em.createNamedQuery(Channel.IN_AREAS, Channel.class)
                    .setParameter("areas", List.of(code))
                    .getResultList())
        .orElseGet(() -> em.createNamedQuery(Channel.ALL, Channel.class).getResultList());
  }

  /** The channels of an area (or all), of one status (or any): those that need a fix, say. */
  public List<Channel> list(Optional<String> areaCode, Optional<ChannelStatus> status) {
    return list(areaCode).stream()
        .filter(c -> status.isEmpty() || c.status() == status.get())
        .toList();
  }

  /**
   * Changes what the revision names and keeps the rest. A new secret replaces the old one and, if
   * the channel needed a fix, puts it back in service and queues again the deliveries that waited.
   *
   * @throws InvalidRequestException naming the field: a language Tifli does not write, a blank or
   *     too long secret
   */
  public Channel revise(long channelId, ChannelRevision revision, Actor admin) {
    Channel channel = locked(channelId);
    Changes changes = Changes.none();

    if (revision.languages() != null) {
      List<String> checked = checkedLanguages(revision.languages());
      changes.change("languages", String.join(",", channel.languages()), String.join(",", checked));
      channel.changeLanguages(checked);
    }
    if (revision.exercise() != null) {
      changes.change("exercise", channel.exercise(), revision.exercise());
      channel.changeExercise(revision.exercise());
    }
    int resumed = 0;
    if (revision.secret() != null) {
      checkSecret(revision.secret());
      boolean neededFix = channel.replaceSecret(cipher.seal(revision.secret()));
      changes.secret("secret");
      if (neededFix) {
        resumed = resumeStopped(channel);
        changes
            .change("status", ChannelStatus.NEEDS_FIX, channel.status())
            .set("resumedDeliveries", resumed);
      }
    }
    if (!changes.isEmpty()) {
      audit.record(admin, Subject.CHANNEL, channelId, null, "REVISED", changes);
    }

    int queuedAgain = resumed;
    LOG.info(
        () ->
            "Channel "
                + channelId
                + " revised"
                + (queuedAgain > 0 ? "; " + queuedAgain + " waiting deliveries queued again" : ""));
    return channel;
  }

  /**
   * Takes the channel out of service: no new alert, update or closing message goes to it, and those
   * queued for it are withdrawn when their turn comes. The posts it carries still come down when
   * their alert ends. Its deliveries stay in the ledger.
   *
   * @param reason why, for the audit trail; may be null
   * @throws org.tifli.domain.IllegalTransitionException when it is retired already
   */
  public Channel retire(long channelId, String reason, Actor admin) {
    Channel channel = locked(channelId);
    ChannelStatus before = channel.status();

    channel.retire(clock.instant());
    audit.record(
        admin,
        Subject.CHANNEL,
        channelId,
        null,
        "RETIRED",
        Changes.none().change("status", before, channel.status()).change("reason", null, reason));

    LOG.info(() -> "Channel " + channelId + " retired");
    return channel;
  }

  /**
   * Brings a retired channel back: the stages and updates to come reach it again; what it missed
   * while retired is not posted after the fact.
   *
   * @throws org.tifli.domain.IllegalTransitionException when it is not retired
   */
  public Channel reinstate(long channelId, Actor admin) {
    Channel channel = locked(channelId);

    channel.reinstate();
    audit.record(
        admin,
        Subject.CHANNEL,
        channelId,
        null,
        "REINSTATED",
        Changes.none().change("status", ChannelStatus.RETIRED, channel.status()));

    LOG.info(() -> "Channel " + channelId + " back in service");
    return channel;
  }

  /** One stretch of the channel's history, oldest first: at most {@code max} from {@code first}. */
  public List<AuditEntry> history(long channelId, int first, int max) {
    get(channelId);
    return audit.of(Subject.CHANNEL, channelId, first, max);
  }

  /** How many changes the channel's history holds. */
  public long historyLength(long channelId) {
    return audit.countOf(Subject.CHANNEL, channelId);
  }

  /** The languages as given, each one Tifli writes, none twice, at least one. */
  static List<String> checkedLanguages(List<String> languages) {
    if (languages.isEmpty()) {
      throw new InvalidRequestException(
          "languages", "at least one language, among " + PostLanguage.codes());
    }
    List<String> checked = new ArrayList<>();
    for (String code : languages) {
      if (code == null || PostLanguage.of(code).isEmpty()) {
        throw new InvalidRequestException(
            "languages",
            "Tifli writes posts in " + PostLanguage.codes() + " only, not " + shown(code));
      }
      if (checked.contains(code)) {
        throw new InvalidRequestException("languages", code + " is named twice");
      }
      checked.add(code);
    }
    return checked;
  }

  private static String shown(String code) {
    if (code == null) {
      return "null";
    }
    return code.length() <= 10 ? code : code.substring(0, 10) + "…";
  }

  private static void checkSecret(String secret) {
    if (secret == null || secret.isBlank()) {
      throw new InvalidRequestException("secret", "a secret cannot be blank");
    }
    if (secret.getBytes(StandardCharsets.UTF_8).length > Channel.SECRET_BYTES) {
      throw new InvalidRequestException(
          "secret", "a credential is at most " + Channel.SECRET_BYTES + " bytes of UTF-8");
    }
  }

  private Channel locked(long channelId) {
    Channel channel = em.find(Channel.class, channelId, LockModeType.PESSIMISTIC_WRITE);
    if (channel == null) {
      throw new RecordNotFoundException("channel", channelId);
    }
    return channel;
  }

  /** Queues again, in the caller's transaction, the deliveries that waited for the channel. */
  private int resumeStopped(Channel channel) {
    List<Delivery> stopped =
        em.createNamedQuery(Delivery.AWAITING_FIX, Delivery.class)
            .setParameter("channel", channel)
            .setParameter("failed", DeliveryStatus.FAILED)
            .getResultList();
    stopped.forEach(Delivery::resumeAfterFix);
    em.flush();

    deliveryQueue.enqueue(stopped.stream().map(Delivery::id).toList());
    return stopped.size();
  }
}
