package dev.trafficstatus.server.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.trafficstatus.core.evaluate.MaintenanceWindowSettings;
import dev.trafficstatus.core.evaluate.RecurringWindow;
import dev.trafficstatus.spi.InvalidSettingException;
import io.dropwizard.util.Duration;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code status.maintenance}: planned maintenance. The longest window the API and the recurring
 * windows may have, the recurring windows, and whether requests inside windows stay out of uptime.
 * Defaults and bounds are {@link MaintenanceWindowSettings}'s.
 */
@ValidSettings
public class MaintenanceFactory implements SettingsBlock {

  private static final MaintenanceWindowSettings DEFAULTS = MaintenanceWindowSettings.defaults();

  /** The service named while checking: routes are keyed by the service only when built. */
  private static final String ANY_SERVICE = "service";

  @NotNull private Duration maxDuration = ConfigDurations.of(DEFAULTS.maxDuration());

  @Valid @NotNull private List<MaintenanceWindowFactory> windows = new ArrayList<>();

  private boolean excludeFromUptime = DEFAULTS.excludeFromUptime();

  @JsonProperty
  public Duration getMaxDuration() {
    return maxDuration;
  }

  @JsonProperty
  public void setMaxDuration(Duration maxDuration) {
    this.maxDuration = maxDuration;
  }

  @JsonProperty
  public List<MaintenanceWindowFactory> getWindows() {
    return windows;
  }

  @JsonProperty
  public void setWindows(List<MaintenanceWindowFactory> windows) {
    this.windows = windows;
  }

  @JsonProperty
  public boolean isExcludeFromUptime() {
    return excludeFromUptime;
  }

  @JsonProperty
  public void setExcludeFromUptime(boolean excludeFromUptime) {
    this.excludeFromUptime = excludeFromUptime;
  }

  /**
   * The settings.
   *
   * @param service the service whose routes the windows name
   * @return the settings
   * @throws InvalidSettingException naming the key and what is wrong
   */
  public MaintenanceWindowSettings build(String service) {
    List<RecurringWindow> built = new ArrayList<>();
    for (int i = 0; i < windows.size(); i++) {
      MaintenanceWindowFactory window = windows.get(i);
      try {
        built.add(window.build(service));
      } catch (InvalidSettingException refused) {
        throw refused;
      } catch (IllegalArgumentException refused) {
        throw new InvalidSettingException(
            "windows[" + i + "]", (window.getName() == null ? "" : "'" + window.getName() + "': ")
                + refused.getMessage());
      }
    }
    return new MaintenanceWindowSettings(maxDuration.toJavaDuration(), built, excludeFromUptime);
  }

  @Override
  public void check() {
    build(ANY_SERVICE);
  }
}
