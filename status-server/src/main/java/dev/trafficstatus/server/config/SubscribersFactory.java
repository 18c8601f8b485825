package dev.trafficstatus.server.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.trafficstatus.core.subscribe.SubscribeLimits;
import io.dropwizard.util.Duration;
import jakarta.validation.constraints.NotNull;

/**
 * {@code status.notifications.subscribers}: how often the subscribe form may be used, per address
 * (confirmation mails, counted in the store across every process) and per client (requests,
 * counted by each process). Defaults and bounds are {@link SubscribeLimits}'s (README.md,
 * "Subscribers").
 */
@ValidSettings
public class SubscribersFactory implements SettingsBlock {

  private static final SubscribeLimits DEFAULTS = SubscribeLimits.DEFAULTS;

  private int perAddress = DEFAULTS.perAddress();

  @NotNull private Duration addressPeriod = ConfigDurations.of(DEFAULTS.addressPeriod());

  private int perClient = DEFAULTS.perClient();

  @NotNull private Duration clientPeriod = ConfigDurations.of(DEFAULTS.clientPeriod());

  @JsonProperty
  public int getPerAddress() {
    return perAddress;
  }

  @JsonProperty
  public void setPerAddress(int perAddress) {
    this.perAddress = perAddress;
  }

  @JsonProperty
  public Duration getAddressPeriod() {
    return addressPeriod;
  }

  @JsonProperty
  public void setAddressPeriod(Duration addressPeriod) {
    this.addressPeriod = addressPeriod;
  }

  @JsonProperty
  public int getPerClient() {
    return perClient;
  }

  @JsonProperty
  public void setPerClient(int perClient) {
    this.perClient = perClient;
  }

  @JsonProperty
  public Duration getClientPeriod() {
    return clientPeriod;
  }

  @JsonProperty
  public void setClientPeriod(Duration clientPeriod) {
    this.clientPeriod = clientPeriod;
  }

  /**
   * The limits; confirmation links work for a day.
   *
   * @return the limits
   */
  public SubscribeLimits build() {
    return new SubscribeLimits(
        perAddress, addressPeriod.toJavaDuration(), perClient, clientPeriod.toJavaDuration(),
        DEFAULTS.confirmWithin());
  }

  @Override
  public void check() {
    build();
  }
}
