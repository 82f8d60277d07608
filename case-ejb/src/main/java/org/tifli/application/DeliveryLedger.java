package org.tifli.application;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.tifli.domain.Actor;
import org.tifli.domain.AuditEntry.Subject;
import org.tifli.domain.CasePhoto;
import org.tifli.domain.Channel;
import org.tifli.domain.ChannelStatus;
import org.tifli.domain.Delivery;
import org.tifli.domain.DeliveryPurpose;
import org.tifli.domain.DeliveryStatus;
import org.tifli.domain.RecordNotFoundException;
import org.tifli.infrastructure.platform.AlertPost;
import org.tifli.infrastructure.platform.ChannelAccount;
import org.tifli.infrastructure.security.SecretCipher;

/**
 * The delivery ledger, written in short transactions of its own so that what happened to a delivery
 * is kept whatever happens to the message that carried it, and so that no database lock is held
 * while a platform is being called.
 *
 * <p>A try is marked in flight before the platform is called and settled after. A try still in
 * flight long after it began ({@code tifli.delivery.interrupted-after}, default {@code PT30S},
 * longer than any call may last) was cut off by a crash: its post may or may not exist, and the
 * next try must find out before posting again. A try that may pass later is scheduled again, after
 * a growing delay or the wait the platform asked for, whichever is longer ({@code
 * tifli.delivery.retry-base}, default {@code PT2S}, doubling up to {@code PT5M}); after {@code
 * tifli.delivery.max-attempts} (default 12) tries of the platform the delivery fails for good.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class DeliveryLedger {

  private static final Logger LOG = Logger.getLogger(DeliveryLedger.class.getName());
  private static final Duration LONGEST_WAIT = Duration.ofMinutes(5);

  /** A retraction waits this long for its channel's closing message, or for its post's fate. */
  private static final Duration TAKEDOWN_ORDER_WAIT = Duration.ofSeconds(2);

  @PersistenceContext private EntityManager em;

  @Inject SecretCipher cipher;

  @Inject PostComposer composer;

  @EJB AuditTrail audit;

  @Inject
  @ConfigProperty(name = "tifli.delivery.max-attempts", defaultValue = "12")
  int maxAttempts;

  @Inject
  @ConfigProperty(name = "tifli.delivery.retry-base", defaultValue = "PT2S")
  Duration retryBase;

  @Inject
  @ConfigProperty(name = "tifli.delivery.interrupted-after", defaultValue = "PT30S")
  Duration interruptedAfter;

  @Inject
  @ConfigProperty(name = "tifli.public-url", defaultValue = "http://localhost:8080/tifli")
  String publicUrl;

  private final Clock clock = Clock.systemUTC();

  /** What one try of a delivery does. */
  public enum Action {
    /** Post the text (an alert, an update, a closing message). */
    POST,
    /** Take down the post {@code targetPostId}, editing it to the text where it cannot go. */
    RETRACT
  }

  /**
   * What a publisher needs for one try.
   *
   * @param unfinishedTry an earlier try was cut off and may have posted: look before posting again
   */
  public record Order(
      long deliveryId,
      Action action,
      ChannelAccount account,
      AlertPost post,
      String targetPostId,
      boolean unfinishedTry) {}

  /**
   * Starts a try of the delivery and returns what to do, or empty when there is nothing to do now:
   * it is no longer queued (a message delivered twice posts nothing), its retry is not due yet,
   * another try is under way, or it shows a child whose alert has ended (it is withdrawn).
   *
   * @throws RecordNotFoundException when the delivery cannot be seen (yet): the message and the row
   *     commit in one distributed transaction, but the broker may hand the message over a moment
   *     before the database shows the row. The exception rolls the message back, and the broker
   *     offers it again a second later.
   */
  public Optional<Order> claim(long deliveryId) {
    Delivery delivery = em.find(Delivery.class, deliveryId, LockModeType.PESSIMISTIC_WRITE);
    if (delivery == null) {
      LOG.fine(() -> "Delivery " + deliveryId + " not visible yet; its message will come again");
      throw new RecordNotFoundException("delivery", deliveryId);
    }
    Instant now = clock.instant();
    if (!delivery.isQueued() || delivery.nextAttemptAt().filter(now::isBefore).isPresent()) {
      return Optional.empty();
    }
    if (delivery.purpose().showsTheChild() && !delivery.alert().isActive()) {
      delivery.withdraw();
      LOG.info(() -> "Delivery " + deliveryId + " withdrawn: its alert has ended");
      return Optional.empty();
    }
    Optional<Instant> busy =
        delivery.inFlightSince().filter(s -> s.plus(interruptedAfter).isAfter(now));
    if (busy.isPresent()) {
      // Another try is under way; if it was cut off, the next look finds out what became of it.
      delivery.postpone(busy.get().plus(interruptedAfter));
      return Optional.empty();
    }
    Channel channel = delivery.channel();
    if (channel.isRetired() && delivery.purpose() != DeliveryPurpose.RETRACTION) {
      // A retired channel gets nothing new; the posts it carries still come down.
      delivery.withdraw("channel " + channel.id() + " was retired");
      LOG.info(() -> "Delivery " + deliveryId + " withdrawn: its channel was retired");
      return Optional.empty();
    }
    if (channel.needsFix()) {
      // Read it again under a lock: an administrator may be fixing it at this very moment, and
      // then this delivery either waits before the fix resumes the channel's deliveries or goes.
      em.refresh(channel, LockModeType.PESSIMISTIC_WRITE);
      if (channel.needsFix()) {
        delivery.stopForChannel(waitingFor(channel));
        LOG.fine(() -> "Delivery " + deliveryId + " waits for its channel to be fixed");
        return Optional.empty();
      }
    }
    if (delivery.purpose() == DeliveryPurpose.RETRACTION) {
      return claimRetraction(delivery, now);
    }

    boolean unfinished = delivery.beginAttempt(now).isPresent();
    return Optional.of(
        new Order(
            deliveryId,
            Action.POST,
            account(delivery.channel()),
            post(delivery),
            null,
            unfinished));
  }

  private Optional<Order> claimRetraction(Delivery retraction, Instant now) {
    Delivery post = retraction.target().orElseThrow();
    if (post.status() == DeliveryStatus.QUEUED || closingPending(retraction)) {
      retraction.postpone(now.plus(TAKEDOWN_ORDER_WAIT));
      return Optional.empty();
    }
    if (post.status() != DeliveryStatus.SENT) {
      retraction.withdraw();
      return Optional.empty();
    }

    retraction.beginAttempt(now);
    return Optional.of(
        new Order(
            retraction.id(),
            Action.RETRACT,
            account(retraction.channel()),
            composer.compose(retraction, retraction.channel(), null),
            post.externalId(),
            false));
  }

  /** The closing message goes out before the channel's earlier posts come down. */
  private boolean closingPending(Delivery retraction) {
    return em.createNamedQuery(Delivery.OF_ALERT, Delivery.class)
        .setParameter("alert", retraction.alert())
        .getResultStream()
        .anyMatch(
            d ->
                d.purpose() == DeliveryPurpose.CLOSING
                    && d.channel().id().equals(retraction.channel().id())
                    && d.status() == DeliveryStatus.QUEUED);
  }

  /**
   * Records the try as done: the post's id on the platform (or, for a retraction, the post taken
   * down, which becomes retracted).
   *
   * @param possibleDuplicate posted again after a cut-off try, where the platform cannot be asked
   */
  public void markSent(long deliveryId, String platformPostId, boolean possibleDuplicate) {
    Delivery delivery = em.find(Delivery.class, deliveryId, LockModeType.PESSIMISTIC_WRITE);
    delivery.markSent(platformPostId, clock.instant());
    if (possibleDuplicate) {
      delivery.markPossibleDuplicate();
    }
    delivery.target().ifPresent(Delivery::markRetracted);
    // Fine, not info: a national alert makes hundreds of these at once, and the ledger keeps them.
    LOG.fine(
        () ->
            "Delivery "
                + deliveryId
                + (delivery.purpose() == DeliveryPurpose.RETRACTION
                    ? " carried out: post " + platformPostId + " taken down"
                    : " sent as post " + platformPostId)
                + (possibleDuplicate ? " (possibly a second time)" : ""));
  }

  /**
   * Keeps a failure that may pass and schedules the next try; gives up after the last one.
   *
   * @param wait what the platform asked for, if anything
   * @param called false when Tifli held the call back itself (a paused channel): not counted
   * @param outcomeUnknown no answer came: the next try looks for the post before posting
   */
  public void retryLater(
      long deliveryId,
      String error,
      Optional<Duration> wait,
      boolean called,
      boolean outcomeUnknown) {
    Delivery delivery = em.find(Delivery.class, deliveryId, LockModeType.PESSIMISTIC_WRITE);
    if (called && delivery.attempts() >= maxAttempts) {
      delivery.markFailed("gave up after " + delivery.attempts() + " attempts: " + error);
      LOG.warning(() -> "Delivery " + deliveryId + " failed after its last attempt: " + error);
      return;
    }
    Duration delay = backoff(delivery.attempts());
    if (wait.isPresent() && wait.get().compareTo(delay) > 0) {
      delay = wait.get();
    }
    Instant next = clock.instant().plus(delay);

    delivery.retryAt(next, error, called, outcomeUnknown);
    LOG.fine(() -> "Delivery " + deliveryId + " to be tried again at " + next + ": " + error);
  }

  /**
   * The platform refused the channel itself (its token, its permissions): the channel needs a fix,
   * with the platform's error as its problem, and the delivery waits for it, as will the channel's
   * other deliveries, without calling the platform. When the channel's secret was replaced while
   * the try was out, the refusal is of the old secret: the delivery is tried again at once instead.
   *
   * @param secretTried the secret the try used, to tell a refusal of the old secret
   * @param error the platform's error, which never holds the secret
   */
  public void stopChannel(long deliveryId, String secretTried, String error) {
    Delivery delivery = em.find(Delivery.class, deliveryId, LockModeType.PESSIMISTIC_WRITE);
    Channel channel =
        em.find(Channel.class, delivery.channel().id(), LockModeType.PESSIMISTIC_WRITE);
    Instant now = clock.instant();
    if (!cipher.open(channel.sealedSecret()).equals(secretTried)) {
      if (delivery.isQueued()) {
        delivery.retryAt(now, error, false, false);
      }
      LOG.info(() -> "Delivery " + deliveryId + " refused with a replaced secret; trying again");
      return;
    }
    String problem = secretTried.isEmpty() ? error : error.replace(secretTried, "***");

    boolean newly = channel.markNeedsFix(problem, now);
    if (delivery.isQueued()) {
      delivery.stopForChannel(problem);
    }
    if (newly) {
      audit.record(
          Actor.system("publisher"),
          Subject.CHANNEL,
          channel.id(),
          null,
          "NEEDS_FIX",
          Changes.none()
              .change("status", ChannelStatus.ACTIVE, ChannelStatus.NEEDS_FIX)
              .set("problem", problem)
              .set("delivery", deliveryId));
      LOG.warning(
          () ->
              "Channel "
                  + channel.id()
                  + " ("
                  + channel.platform()
                  + ") needs a fix; its deliveries wait: "
                  + problem);
    }
  }

  public void markFailed(long deliveryId, String error) {
    em.find(Delivery.class, deliveryId, LockModeType.PESSIMISTIC_WRITE).markFailed(error);
    LOG.warning(() -> "Delivery " + deliveryId + " failed and needs attention: " + error);
  }

  /** The broker stopped offering the message: the delivery fails with the last error it met. */
  public void giveUp(long deliveryId) {
    Delivery delivery = em.find(Delivery.class, deliveryId, LockModeType.PESSIMISTIC_WRITE);
    if (delivery != null && delivery.isQueued()) {
      delivery.markFailed(
          "gave up after " + delivery.attempts() + " attempts: " + delivery.lastError());
    }
  }

  /**
   * The queued deliveries whose next try is due, at most {@code max}, with their schedule cleared:
   * the caller sends their messages in this same transaction. Two servers doing this at once
   * collide on the rows' versions, and one of them rolls back.
   */
  @TransactionAttribute(TransactionAttributeType.MANDATORY)
  public List<Long> takeDueRetries(int max) {
    Instant now = clock.instant();
    List<Delivery> due =
        em.createNamedQuery(Delivery.DUE_FOR_RETRY, Delivery.class)
            .setParameter("queued", DeliveryStatus.QUEUED)
            .setParameter("now", now)
            .setMaxResults(max)
            .getResultList();
    due.forEach(Delivery::clearSchedule);
    return due.stream().map(Delivery::id).toList();
  }

  /**
   * Schedules at once the deliveries whose try was cut off by a crash and whose message is gone, so
   * that their next try finds out what became of them.
   */
  @TransactionAttribute(TransactionAttributeType.MANDATORY)
  public int scheduleInterrupted() {
    Instant now = clock.instant();
    List<Delivery> cut =
        em.createNamedQuery(Delivery.INTERRUPTED, Delivery.class)
            .setParameter("queued", DeliveryStatus.QUEUED)
            .setParameter("before", now.minus(interruptedAfter))
            .getResultList();
    cut.forEach(d -> d.scheduleCheck(now));
    return cut.size();
  }

  /**
   * How many deliveries of each of the alerts stand in each status; an alert or a status with none
   * is missing from the answer. Reads only, in the caller's transaction if there is one.
   */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public Map<Long, Map<DeliveryStatus, Long>> countsByStatus(Collection<Long> alertIds) {
    Map<Long, Map<DeliveryStatus, Long>> counts = new HashMap<>();
    if (alertIds.isEmpty()) {
      return counts;
    }
    List<Object[]> rows =
        em.createNamedQuery(Delivery.COUNT_BY_STATUS, Object[].class)
            .setParameter("alertIds", List.copyOf(alertIds))
            .getResultList();
    for (Object[] row : rows) {
      counts
          .computeIfAbsent((Long) row[0], id -> new EnumMap<>(DeliveryStatus.class))
          .put((DeliveryStatus) row[1], ((Number) row[2]).longValue());
    }
    return counts;
  }

  private Duration backoff(int attempts) {
    Duration delay = retryBase.multipliedBy(1L << Math.min(Math.max(attempts - 1, 0), 20));
    if (delay.compareTo(LONGEST_WAIT) > 0) {
      delay = LONGEST_WAIT;
    }
    // A little jitter keeps the deliveries of one failing platform from coming back in step.
    long millis = delay.toMillis();
    return Duration.ofMillis(millis + ThreadLocalRandom.current().nextLong(millis / 5 + 1));
  }

  private static String waitingFor(Channel channel) {
    return "waiting for channel "
        + channel.id()
        + " to be fixed (a new secret): "
        + channel.problem().orElse("");
  }

  private ChannelAccount account(Channel channel) {
    return new ChannelAccount(
        channel.platform(), channel.accountId(), cipher.open(channel.sealedSecret()));
  }

  private AlertPost post(Delivery delivery) {
    String photoUrl =
        delivery.purpose().showsTheChild() && hasPublicationPhoto(delivery)
            ? publicUrl + "/alerts/" + delivery.alert().id() + "/photo"
            : null;
    return composer.compose(delivery, delivery.channel(), photoUrl);
  }

  /** Counted, not loaded: a delivery has no use for the photos' bytes, up to 5 MiB each. */
  private boolean hasPublicationPhoto(Delivery delivery) {
    return em.createNamedQuery(CasePhoto.PUBLICATION_COUNT_OF_CASE, Long.class)
            .setParameter("caseId", delivery.alert().missingChildCase().id())
            // The claimed delivery is the only change so far, and the count does not need it.
            .setFlushMode(FlushModeType.COMMIT)
            .getSingleResult()
        > 0;
  }
}
