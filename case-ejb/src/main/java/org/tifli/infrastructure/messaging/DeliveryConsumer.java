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
 * Takes deliveries off the queue and has them published.
 *
 * <p>When publishing fails in a way that may pass (a timeout, a platform error, a rate limit), the
 * exception leaves {@code onMessage}: the transaction rolls back and the broker redelivers the
 * message later, with growing delays, and after the last try moves it to the dead-letter queue,
 * where {@link DeadLetterConsumer} records the failure.
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
      @ActivationConfigProperty(propertyName = "maxSessions", propertyValue = "16"),
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
