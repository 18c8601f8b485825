package dev.trafficstatus.server.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.trafficstatus.core.notify.NotificationSettings;
import dev.trafficstatus.spi.notify.NotifierFactory;
import io.dropwizard.util.Duration;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.List;

/**
 * {@code status.notifications}: who hears about incidents and maintenances ({@code notifiers},
 * each selected by {@code type:}: {@code webhook}, {@code slack}, {@code discord}), how often the
 * sender looks for due deliveries, how long a send may take, how failed ones are retried, and the
 * subscribe form's limits ({@code subscribers}).
 * Defaults and bounds are {@link NotificationSettings}'s (README.md, "Notifications").
 */
@ValidSettings
public class NotificationsFactory implements SettingsBlock {

  private static final NotificationSettings DEFAULTS = NotificationSettings.defaults();

  private boolean enabled = DEFAULTS.enabled();

  @NotNull private Duration interval = ConfigDurations.of(DEFAULTS.interval());

  @NotNull private Duration timeout = ConfigDurations.of(DEFAULTS.timeout());

  private int maxAttempts = DEFAULTS.maxAttempts();

  @NotNull private Duration initialBackoff = ConfigDurations.of(DEFAULTS.initialBackoff());

  @NotNull private Duration maxBackoff = ConfigDurations.of(DEFAULTS.maxBackoff());

  private boolean routeStateChanges = DEFAULTS.routeStateChanges();

  @Valid @NotNull private List<NotifierFactory> notifiers = List.of();

  @Valid @NotNull private SubscribersFactory subscribers = new SubscribersFactory();

  @JsonProperty
  public boolean isEnabled() {
    return enabled;
  }

  @JsonProperty
  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  @JsonProperty
  public Duration getInterval() {
    return interval;
  }

  @JsonProperty
  public void setInterval(Duration interval) {
    this.interval = interval;
  }

  @JsonProperty
  public Duration getTimeout() {
    return timeout;
  }

  @JsonProperty
  public void setTimeout(Duration timeout) {
    this.timeout = timeout;
  }

  @JsonProperty
  public int getMaxAttempts() {
    return maxAttempts;
  }

  @JsonProperty
  public void setMaxAttempts(int maxAttempts) {
    this.maxAttempts = maxAttempts;
  }

  @JsonProperty
  public Duration getInitialBackoff() {
    return initialBackoff;
  }

  @JsonProperty
  public void setInitialBackoff(Duration initialBackoff) {
    this.initialBackoff = initialBackoff;
  }

  @JsonProperty
  public Duration getMaxBackoff() {
    return maxBackoff;
  }

  @JsonProperty
  public void setMaxBackoff(Duration maxBackoff) {
    this.maxBackoff = maxBackoff;
  }

  @JsonProperty
  public boolean isRouteStateChanges() {
    return routeStateChanges;
  }

  @JsonProperty
  public void setRouteStateChanges(boolean routeStateChanges) {
    this.routeStateChanges = routeStateChanges;
  }

  /**
   * The receivers, in the order configured.
   *
   * @return the notifier plugins' blocks; empty for none
   */
  @JsonProperty
  public List<NotifierFactory> getNotifiers() {
    return notifiers;
  }

  @JsonProperty
  public void setNotifiers(List<NotifierFactory> notifiers) {
    this.notifiers = notifiers;
  }

  /**
   * The subscribe form's limits.
   *
   * @return the {@code subscribers} block
   */
  @JsonProperty
  public SubscribersFactory getSubscribers() {
    return subscribers;
  }

  @JsonProperty
  public void setSubscribers(SubscribersFactory subscribers) {
    this.subscribers = subscribers;
  }

  /**
   * The settings.
   *
   * @return the settings
   */
  public NotificationSettings build() {
    return new NotificationSettings(
        enabled,
        interval.toJavaDuration(),
        timeout.toJavaDuration(),
        maxAttempts,
        initialBackoff.toJavaDuration(),
        maxBackoff.toJavaDuration(),
        routeStateChanges);
  }

  @Override
  public void check() {
    build();
  }
}
