package org.tifli.infrastructure.messaging;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import java.util.logging.Logger;
import org.tifli.application.DeliveryLedger;

/**
 * Records as failed the deliveries whose messages the broker gave up on, so that the ledger shows
 * them and an officer can act; nothing is left silently in the dead-letter queue.
 */
@MessageDriven(
    activationConfig = {
      @ActivationConfigProperty(propertyName = "resourceAdapter", propertyValue = "activemq-rar"),
      @ActivationConfigProperty(
          propertyName = "destinationType",
          propertyValue = "jakarta.jms.Queue"),
      @ActivationConfigProperty(
          propertyName = "destination",
          propertyValue = DeliveryQueue.DEAD_LETTER_PHYSICAL_NAME),
      @ActivationConfigProperty(
          propertyName = "messageSelector",
          propertyValue = DeliveryQueue.KIND_PROPERTY + " = '" + DeliveryQueue.KIND_DELIVERY + "'")
    })
public class DeadLetterConsumer implements MessageListener {

  private static final Logger LOG = Logger.getLogger(DeadLetterConsumer.class.getName());

  @EJB DeliveryLedger ledger;

  @Override
  public void onMessage(Message message) {
    long id = DeliveryConsumer.deliveryId(message);
    LOG.warning(() -> "Delivery " + id + " reached the dead-letter queue");
    ledger.giveUp(id);
  }
}
