package org.tifli.infrastructure.messaging;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;
import org.tifli.application.DeliveryPublication;

/**
 * Takes deliveries off the queue and has them published, one try per message.
 *
 * <p>A platform's failure is no failure of the message: the ledger records it and schedules the
 * next try itself (see {@code DeliveryLedger}), and the message is done with. Anything unexpected
 * (the database unreachable, say) leaves {@code onMessage}: the transaction rolls back and the
 * broker offers the message again, with growing delays, and after the last try moves it to the
 * dead-letter queue, where {@link DeadLetterConsumer} records the failure.
 */
@MessageDriven(
    activationConfig = {
      @ActivationConfigProperty(propertyName = "resourceAdapter", propertyValue = "activemq-rar"),
      @ActivationConfigProperty(
          propertyName = "destinationType",
          propertyValue = "jakarta.jms.Queue"),
      @ActivationConfigProperty(
          propertyName = "destination",
          propertyValue = DeliveryQueue.PHYSICAL_NAME),
      // Deliveries mostly wait on the platforms: a national alert is 225 posts, at 50 ms a call
      // (two calls for Instagram), and 16 sessions alone would need about a second for them. Each
      // session holds one database connection at a time, and tifli-pool allows 48.
      @ActivationConfigProperty(propertyName = "maxSessions", propertyValue = "32"),
      @ActivationConfigProperty(propertyName = "maximumRedeliveries", propertyValue = "6"),
      @ActivationConfigProperty(propertyName = "initialRedeliveryDelay", propertyValue = "1000"),
      @ActivationConfigProperty(propertyName = "useExponentialBackOff", propertyValue = "true"),
      @ActivationConfigProperty(propertyName = "backOffMultiplier", propertyValue = "3")
    })
public class DeliveryConsumer implements MessageListener {

  @EJB DeliveryPublication publication;

  @Override
  public void onMessage(Message message) {
    publication.publish(deliveryId(message));
  }

  static long deliveryId(Message message) {
    try {
      return Long.parseLong(((TextMessage) message).getText());
    } catch (JMSException | ClassCastException | NumberFormatException e) {
      throw new IllegalArgumentException("not a delivery message", e);
    }
  }
}
