package dev.trafficstatus.core.evaluate;

import static dev.trafficstatus.spi.InvalidSettingException.text;

import dev.trafficstatus.spi.InvalidSettingException;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * When the traffic opens, groups and resolves incidents on its own ({@code
 * status.incidents.auto}).
 *
 * @param enabled whether the evaluator opens incidents at all (maintenance windows move either way)
 * @param window how far back a route's state is judged, with the page's thresholds
 * @param groupWithin a route that starts failing joins the open automatic incident one of whose
 *     routes failed less than this long ago, instead of opening another; zero never joins
 * @param resolveAfter how long every affected route must have been operational before the
 *     incident is resolved on its own (unless a person has taken it over)
 * @param openOn the least state that opens an incident
 * @param groups the threshold of the routes of some groups (the page's group names, such as {@code
 *     Probes}), instead of {@code openOn}
 */
public record IncidentSettings(
    boolean enabled,
    Duration window,
    Duration groupWithin,
    Duration resolveAfter,
    OpenOn openOn,
    Map<String, OpenOn> groups) {

  /** The shortest window and resolution delay: one closed minute. */
  public static final Duration MIN_WINDOW = Duration.ofMinutes(1);

  /** The longest window, grouping and resolution delay. */
  public static final Duration MAX_WINDOW = Duration.ofDays(1);

  /** Checks the durations are within bounds and copies the groups. */
  public IncidentSettings {
    Objects.requireNonNull(window, "window");
    Objects.requireNonNull(groupWithin, "groupWithin");
    Objects.requireNonNull(resolveAfter, "resolveAfter");
    Objects.requireNonNull(openOn, "openOn");
    groups = Map.copyOf(groups);
    within("window", window, MIN_WINDOW);
    within("groupWithin", groupWithin, Duration.ZERO);
    within("resolveAfter", resolveAfter, MIN_WINDOW);
  }

  private static void within(String key, Duration value, Duration min) {
    if (value.compareTo(min) < 0 || value.compareTo(MAX_WINDOW) > 0) {
      throw new InvalidSettingException(
          key, "must be between " + text(min) + " and " + text(MAX_WINDOW) + ", got " + text(value));
    }
  }

  /**
   * On; judged over 5 minutes; grouped within 15 minutes; resolved after 15 operational minutes;
   * opened by a partial or major outage; no group thresholds.
   *
   * @return the defaults
   */
  public static IncidentSettings defaults() {
    return new IncidentSettings(
        true, Duration.ofMinutes(5), Duration.ofMinutes(15), Duration.ofMinutes(15),
        OpenOn.PARTIAL_OUTAGE, Map.of());
  }

  /**
   * The threshold of a route's group.
   *
   * @param group the route's group
   * @return the group's threshold, or {@code openOn}
   */
  public OpenOn openOn(String group) {
    return groups.getOrDefault(group, openOn);
  }
}
