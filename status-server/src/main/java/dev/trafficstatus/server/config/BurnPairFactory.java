package dev.trafficstatus.server.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.trafficstatus.core.objective.AlertAction;
import dev.trafficstatus.core.objective.BurnPair;
import io.dropwizard.util.Duration;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;

/** One entry of {@code status.objectives.pairs}; judged by {@link BurnPair}. */
public class BurnPairFactory {

  @NotNull private BigDecimal factor;

  @NotNull private Duration longWindow;

  @NotNull private Duration shortWindow;

  @NotNull private AlertAction action = AlertAction.NOTIFY;

  /** The default pairs, as configuration writes them. */
  static BurnPairFactory of(BurnPair pair) {
    BurnPairFactory factory = new BurnPairFactory();
    factory.factor = pair.factor();
    factory.longWindow = ConfigDurations.of(pair.longWindow());
    factory.shortWindow = ConfigDurations.of(pair.shortWindow());
    factory.action = pair.action();
    return factory;
  }

  /** The burn rate that fires, such as 14.4. */
  @JsonProperty
  public BigDecimal getFactor() {
    return factor;
  }

  @JsonProperty
  public void setFactor(BigDecimal factor) {
    this.factor = factor;
  }

  /** The long window, such as {@code 1h}. */
  @JsonProperty
  public Duration getLongWindow() {
    return longWindow;
  }

  @JsonProperty
  public void setLongWindow(Duration longWindow) {
    this.longWindow = longWindow;
  }

  /** The short window, such as {@code 5m}. */
  @JsonProperty
  public Duration getShortWindow() {
    return shortWindow;
  }

  @JsonProperty
  public void setShortWindow(Duration shortWindow) {
    this.shortWindow = shortWindow;
  }

  /** {@code incident} opens an automatic incident; {@code notify} only notifies. */
  @JsonProperty
  public AlertAction getAction() {
    return action;
  }

  @JsonProperty
  public void setAction(AlertAction action) {
    this.action = action;
  }

  BurnPair build() {
    return new BurnPair(factor, longWindow.toJavaDuration(), shortWindow.toJavaDuration(), action);
  }
}
