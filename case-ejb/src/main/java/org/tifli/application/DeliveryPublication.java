package org.tifli.application;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Logger;
import org.tifli.application.DeliveryLedger.Order;
import org.tifli.infrastructure.platform.PlatformException;
import org.tifli.infrastructure.platform.Publishers;

/**
 * Carries out one try of a delivery: claims it in the ledger, calls the platform through its
 * publisher and records the outcome. A failure that needs a fix (a revoked token, a missing
 * permission) ends the delivery; one that may pass is scheduled again by the ledger, so the message
 * that brought the delivery is done with either way. When the platform refuses the channel itself
 * (its token, its permissions), the channel needs a fix, and its deliveries wait for one.
 *
 * <p>Every delivery is posted at least once, and never twice where it can be helped: when an
 * earlier try was cut off (the server died during the call), the platform is first asked whether a
 * post carrying the delivery's tag exists (Facebook, Instagram, X). Where it cannot be asked
 * (Telegram, webhooks), the post is made again and the ledger marks it as possibly duplicated.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class DeliveryPublication {

  private static final Logger LOG = Logger.getLogger(DeliveryPublication.class.getName());

  @EJB DeliveryLedger ledger;

  @Inject Publishers publishers;

  // TODO [performance] A try costs about 6 ms of CPU (two commits, the claim's reads, the
  // platform call under Fault Tolerance), so on two cores a national alert of 225 posts takes 0.8
  // to 1.4 s, not always under one, and deliveries top out near 300 a second; BENCHMARKS.md has
  // the profile and what would help.
  public void publish(long deliveryId) {
    ledger.claim(deliveryId).ifPresent(this::carryOut);
  }

  private void carryOut(Order order) {
    try {
      switch (order.action()) {
        case POST -> post(order);
        case RETRACT -> {
          publishers.retract(order.account(), order.targetPostId(), order.post());
          ledger.markSent(order.deliveryId(), order.targetPostId(), false);
        }
      }
    } catch (PlatformException e) {
      if (e.retryLater()) {
        ledger.retryLater(
            order.deliveryId(), e.getMessage(), e.retryAfter(), e.called(), e.outcomeUnknown());
      } else if (e.channelNeedsFix()) {
        ledger.stopChannel(order.deliveryId(), order.account().secret(), e.getMessage());
      } else {
        ledger.markFailed(order.deliveryId(), e.getMessage());
      }
    }
  }

  private void post(Order order) {
    boolean askable = publishers.canFindPosts(order.account().platform());
    if (order.unfinishedTry() && askable) {
      Optional<String> made = publishers.findPostWithTag(order.account(), order.post().tag());
      if (made.isPresent()) {
        LOG.info(() -> "Delivery " + order.deliveryId() + " had been posted before a crash");
        ledger.markSent(order.deliveryId(), made.get(), false);
        return;
      }
    }

    String postId = publishers.publish(order.account(), order.post());
    ledger.markSent(order.deliveryId(), postId, order.unfinishedTry() && !askable);
  }
}
