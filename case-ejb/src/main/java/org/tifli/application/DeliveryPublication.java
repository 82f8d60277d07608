package org.tifli.application;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.tifli.infrastructure.platform.PlatformException;
import org.tifli.infrastructure.platform.Publishers;

/**
 * Publishes one delivery: claims it in the ledger, posts it through its platform's publisher and
 * records the outcome. A failure that needs a fix (a revoked token, a missing permission) ends the
 * delivery; one that may pass is recorded and rethrown so the broker tries again later.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class DeliveryPublication {

  @EJB DeliveryLedger ledger;

  @Inject Publishers publishers;

  public void publish(long deliveryId) {
    ledger
        .claim(deliveryId)
        .ifPresent(
            order -> {
              try {
                String postId = publishers.publish(order.account(), order.post());
                ledger.markSent(deliveryId, postId);
              } catch (PlatformException e) {
                if (e.retryLater()) {
                  ledger.recordError(deliveryId, e.getMessage());
                  throw e;
                }
                ledger.markFailed(deliveryId, e.getMessage());
              }
            });
  }
}
