package org.tifli.application;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Hands back to the delivery queue, at a fixed interval ({@code tifli.delivery.retry-check},
 * default {@code PT1S}), the deliveries whose next try has come: those that failed for now, and
 * those whose try was cut off by a crash, looked for once a minute.
 *
 * <p>The schedule lives in the ledger, not in the broker, so it survives restarts, honours each
 * platform's requested wait, and is shared by every server: two servers handing back the same
 * delivery collide on its version and one of them rolls back.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DeliveryRetries {

  private static final Logger LOG = Logger.getLogger(DeliveryRetries.class.getName());
  private static final int BATCH = 200;
  private static final Duration INTERRUPTED_CHECK = Duration.ofMinutes(1);

  @Resource TimerService timers;

  @EJB DeliveryRetryBatch batch;

  @Inject
  @ConfigProperty(name = "tifli.delivery.retry-check", defaultValue = "PT1S")
  Duration interval;

  private final AtomicBoolean sweeping = new AtomicBoolean();
  private final AtomicLong lastInterruptedCheck = new AtomicLong();

  @PostConstruct
  void schedule() {
    timers.createIntervalTimer(
        Duration.ofSeconds(5).toMillis(),
        interval.toMillis(),
        new TimerConfig("delivery-retries", false));
  }

  @Timeout
  void sweep() {
    if (!sweeping.compareAndSet(false, true)) {
      return;
    }
    try {
      long now = System.nanoTime();
      long last = lastInterruptedCheck.get();
      if (last == 0 || now - last >= INTERRUPTED_CHECK.toNanos()) {
        lastInterruptedCheck.set(now);
        int cut = batch.scheduleInterrupted();
        if (cut > 0) {
          LOG.info(() -> cut + " deliveries were cut off by a stop and will be checked");
        }
      }
      int handed;
      do {
        handed = batch.handBack(BATCH);
      } while (handed == BATCH);
    } catch (EJBException e) {
      // Usually another server handed the same deliveries back first; the next sweep goes on.
      LOG.log(Level.FINE, "A sweep of due deliveries stopped; the next one goes on", e);
    } finally {
      sweeping.set(false);
    }
  }
}
