package org.tifli.health;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Session;
import jakarta.jms.TemporaryQueue;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.tifli.infrastructure.messaging.DeliveryQueue;

/**
 * Ready only when the message broker answers: making a temporary queue is a round trip to it, which
 * a pooled connection alone would not prove.
 */
@Readiness
@ApplicationScoped
public class BrokerReadiness implements HealthCheck {

  @Resource(lookup = DeliveryQueue.CONNECTION_FACTORY)
  ConnectionFactory connectionFactory;

  @Override
  public HealthCheckResponse call() {
    try (Connection connection = connectionFactory.createConnection()) {
      Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
      TemporaryQueue probe = session.createTemporaryQueue();
      probe.delete();
      return HealthCheckResponse.up("broker");
    } catch (JMSException | RuntimeException e) {
      return HealthCheckResponse.named("broker")
          .down()
          .withData("error", e.getClass().getSimpleName())
          .build();
    }
  }
}
