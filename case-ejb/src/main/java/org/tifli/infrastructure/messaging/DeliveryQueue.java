package org.tifli.infrastructure.messaging;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.resource.AdministeredObjectDefinition;
import jakarta.resource.ConnectionFactoryDefinition;
import jakarta.resource.spi.TransactionSupport.TransactionSupportLevel;
import java.util.List;

/**
 * Puts deliveries on the persistent delivery queue, one message per delivery carrying only its id,
 * inside the caller's transaction: the messages exist if and only if the deliveries do. The
 * connection factory must say so ({@code XATransaction}); without it, a message would be sent at
 * once, and a consumer could be handed it before the delivery it names is committed.
 *
 * <p>The broker is reached through the resource adapter deployed as {@value #ADAPTER}; whether it
 * is embedded or external is the adapter's configuration, not the application's.
 */
@Stateless
@ConnectionFactoryDefinition(
    name = DeliveryQueue.CONNECTION_FACTORY,
    interfaceName = "jakarta.jms.ConnectionFactory",
    resourceAdapter = DeliveryQueue.ADAPTER,
    transactionSupport = TransactionSupportLevel.XATransaction)
@AdministeredObjectDefinition(
    name = DeliveryQueue.QUEUE,
    interfaceName = "jakarta.jms.Queue",
    className = "org.apache.activemq.command.ActiveMQQueue",
    resourceAdapter = DeliveryQueue.ADAPTER,
    properties = {"PhysicalName=" + DeliveryQueue.PHYSICAL_NAME})
@AdministeredObjectDefinition(
    name = DeliveryQueue.DEAD_LETTER_QUEUE,
    interfaceName = "jakarta.jms.Queue",
    className = "org.apache.activemq.command.ActiveMQQueue",
    resourceAdapter = DeliveryQueue.ADAPTER,
    properties = {"PhysicalName=" + DeliveryQueue.DEAD_LETTER_PHYSICAL_NAME})
public class DeliveryQueue {

  public static final String ADAPTER = "activemq-rar";
  public static final String CONNECTION_FACTORY = "java:app/jms/TifliConnectionFactory";
  public static final String QUEUE = "java:app/jms/DeliveryQueue";
  public static final String DEAD_LETTER_QUEUE = "java:app/jms/DeadLetterQueue";
  public static final String PHYSICAL_NAME = "tifli.deliveries";

  /** Where the broker moves a message after its last failed redelivery (ActiveMQ's default). */
  public static final String DEAD_LETTER_PHYSICAL_NAME = "ActiveMQ.DLQ";

  /** A message property naming what the message is, so the dead-letter consumer knows it. */
  public static final String KIND_PROPERTY = "tifliKind";

  public static final String KIND_DELIVERY = "delivery";

  @Resource(lookup = CONNECTION_FACTORY)
  private ConnectionFactory connectionFactory;

  @Resource(lookup = QUEUE)
  private Queue queue;

  @TransactionAttribute(TransactionAttributeType.MANDATORY)
  public void enqueue(List<Long> deliveryIds) {
    if (deliveryIds.isEmpty()) {
      return;
    }
    // The adapter supports the classic API only; the session joins the container transaction.
    try (Connection connection = connectionFactory.createConnection()) {
      Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
      MessageProducer producer = session.createProducer(queue);
      producer.setDeliveryMode(DeliveryMode.PERSISTENT);
      for (Long id : deliveryIds) {
        TextMessage message = session.createTextMessage(Long.toString(id));
        message.setStringProperty(KIND_PROPERTY, KIND_DELIVERY);
        producer.send(message);
      }
    } catch (JMSException e) {
      throw new IllegalStateException("cannot queue deliveries", e);
    }
  }
}
