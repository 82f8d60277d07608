package org.tifli.application;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Logger;
import org.tifli.domain.Channel;
import org.tifli.domain.Delivery;
import org.tifli.domain.RecordNotFoundException;
import org.tifli.infrastructure.platform.AlertPost;
import org.tifli.infrastructure.platform.ChannelAccount;
import org.tifli.infrastructure.security.SecretCipher;

/**
 * The delivery ledger, written in short transactions of its own so that what happened to a delivery
 * is kept even when the message that carried it is rolled back for a later retry, and so that no
 * database lock is held while a platform is being called.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class DeliveryLedger {

  private static final Logger LOG = Logger.getLogger(DeliveryLedger.class.getName());

  @PersistenceContext private EntityManager em;

  @Inject SecretCipher cipher;

  @Inject PostComposer composer;

  /** What a publisher needs to post one delivery. */
  public record Order(long deliveryId, ChannelAccount account, AlertPost post) {}

  /**
   * Counts an attempt and returns what to post, or empty when the delivery is no longer queued: a
   * message delivered twice finds its delivery already sent and posts nothing.
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
    if (!delivery.isQueued()) {
      return Optional.empty();
    }
    delivery.recordAttempt();
    Channel channel = delivery.channel();
    ChannelAccount account =
        new ChannelAccount(
            channel.platform(), channel.accountId(), cipher.open(channel.sealedSecret()));
    return Optional.of(new Order(deliveryId, account, composer.compose(delivery, channel)));
  }

  public void markSent(long deliveryId, String platformPostId) {
    Delivery delivery = em.find(Delivery.class, deliveryId, LockModeType.PESSIMISTIC_WRITE);
    delivery.markSent(platformPostId, Instant.now());
    LOG.info(() -> "Delivery " + deliveryId + " sent as post " + platformPostId);
  }

  public void recordError(long deliveryId, String error) {
    em.find(Delivery.class, deliveryId, LockModeType.PESSIMISTIC_WRITE).recordError(error);
  }

  public void markFailed(long deliveryId, String error) {
    em.find(Delivery.class, deliveryId, LockModeType.PESSIMISTIC_WRITE).markFailed(error);
    LOG.warning(() -> "Delivery " + deliveryId + " failed and needs attention: " + error);
  }

  /** The broker stopped retrying: the delivery fails with the last error it met. */
  public void giveUp(long deliveryId) {
    Delivery delivery = em.find(Delivery.class, deliveryId, LockModeType.PESSIMISTIC_WRITE);
    if (delivery != null && delivery.isQueued()) {
      delivery.markFailed(
          "gave up after " + delivery.attempts() + " attempts: " + delivery.lastError());
    }
  }
}
