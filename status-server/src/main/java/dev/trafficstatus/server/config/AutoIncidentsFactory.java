package dev.trafficstatus.server.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.trafficstatus.core.evaluate.IncidentSettings;
import dev.trafficstatus.core.evaluate.OpenOn;
import io.dropwizard.util.Duration;
import jakarta.validation.constraints.NotNull;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code status.incidents.auto}: incidents the traffic opens, groups and resolves on its own.
 * Defaults and bounds are {@link IncidentSettings}'s.
 */
@ValidSettings
public class AutoIncidentsFactory implements SettingsBlock {

  private static final IncidentSettings DEFAULTS = IncidentSettings.defaults();

  private boolean enabled = DEFAULTS.enabled();

  @NotNull private Duration window = ConfigDurations.of(DEFAULTS.window());

  @NotNull private Duration groupWithin = ConfigDurations.of(DEFAULTS.groupWithin());

  @NotNull private Duration resolveAfter = ConfigDurations.of(DEFAULTS.resolveAfter());

  @NotNull private OpenOn openOn = DEFAULTS.openOn();

  @NotNull private Map<String, OpenOn> groups = new LinkedHashMap<>(DEFAULTS.groups());

  @JsonProperty
  public boolean isEnabled() {
    return enabled;
  }

  @JsonProperty
  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  @JsonProperty
  public Duration getWindow() {
    return window;
  }

  @JsonProperty
  public void setWindow(Duration window) {
    this.window = window;
  }

  @JsonProperty
  public Duration getGroupWithin() {
    return groupWithin;
  }

  @JsonProperty
  public void setGroupWithin(Duration groupWithin) {
    this.groupWithin = groupWithin;
  }

  @JsonProperty
  public Duration getResolveAfter() {
    return resolveAfter;
  }

  @JsonProperty
  public void setResolveAfter(Duration resolveAfter) {
    this.resolveAfter = resolveAfter;
  }

  @JsonProperty
  public OpenOn getOpenOn() {
    return openOn;
  }

  @JsonProperty
  public void setOpenOn(OpenOn openOn) {
    this.openOn = openOn;
  }

  /** The threshold of some route groups, by the group's name on the page. */
  @JsonProperty
  public Map<String, OpenOn> getGroups() {
    return groups;
  }

  @JsonProperty
  public void setGroups(Map<String, OpenOn> groups) {
    this.groups = groups;
  }

  /**
   * The settings.
   *
   * @return the settings
   */
  public IncidentSettings build() {
    return new IncidentSettings(
        enabled, window.toJavaDuration(), groupWithin.toJavaDuration(), resolveAfter.toJavaDuration(),
        openOn, groups);
  }

  @Override
  public void check() {
    build();
  }
}
