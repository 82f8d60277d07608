package org.tifli.application;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.tifli.geo.WideningSchedule;

/**
 * How long an alert stays public without renewal, and how its zone widens: this installation's
 * settings, read once at start.
 *
 * <ul>
 *   <li>{@code tifli.alerts.lifetime}: an ISO-8601 duration, default {@code PT72H};
 *   <li>{@code tifli.widening.schedule}: the stages, in the geo module's syntax, default {@value
 *       WideningSchedule#PRODUCT_DEFAULT}.
 * </ul>
 *
 * A setting that cannot be read stops the application at start rather than running with a schedule
 * nobody chose.
 */
@ApplicationScoped
public class AlertPolicy {

  private static final Logger LOG = Logger.getLogger(AlertPolicy.class.getName());

  @Inject
  @ConfigProperty(name = "tifli.alerts.lifetime", defaultValue = "PT72H")
  String lifetimeSetting;

  @Inject
  @ConfigProperty(name = "tifli.widening.schedule", defaultValue = WideningSchedule.PRODUCT_DEFAULT)
  String scheduleSetting;

  private Duration lifetime;
  private WideningSchedule schedule;

  @PostConstruct
  void read() {
    lifetime = Duration.parse(lifetimeSetting);
    if (lifetime.isNegative() || lifetime.isZero()) {
      throw new IllegalArgumentException("tifli.alerts.lifetime must be positive");
    }
    schedule = WideningSchedule.parse(scheduleSetting);
    LOG.info(() -> "Alerts live " + lifetime + "; widening schedule " + schedule.toConfig());
  }

  public Duration lifetime() {
    return lifetime;
  }

  public WideningSchedule schedule() {
    return schedule;
  }
}
