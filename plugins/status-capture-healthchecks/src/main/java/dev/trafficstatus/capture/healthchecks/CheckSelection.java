package dev.trafficstatus.capture.healthchecks;

import java.util.Objects;
import java.util.Set;

/**
 * Which health checks run, by exact name: those {@code include} names, or every one but the
 * bundle's own ({@code trafficstatus-*}) when it names none, less those {@code exclude} names.
 *
 * @param include the names to run; empty for every check but the bundle's own
 * @param exclude the names never to run
 */
record CheckSelection(Set<String> include, Set<String> exclude) {

  /** The longest check name recorded: a route's name is at most this long on the page. */
  static final int NAME_LIMIT = 200;

  /** Copies both sets. */
  CheckSelection {
    include = Set.copyOf(Objects.requireNonNull(include, "include"));
    exclude = Set.copyOf(Objects.requireNonNull(exclude, "exclude"));
  }

  /**
   * Whether a check runs.
   *
   * @param name the check's name in the registry
   * @return whether it is selected
   */
  boolean runs(String name) {
    if (exclude.contains(name)) {
      return false;
    }
    return include.isEmpty()
        ? !name.startsWith(HealthCheckCaptureFactory.BUNDLE_PREFIX)
        : include.contains(name);
  }

  /**
   * Whether a check's name can be a route's name: not blank, at most {@value #NAME_LIMIT}
   * characters, no control characters. Other checks are left out, whatever the selection.
   *
   * @param name the check's name in the registry
   * @return whether it can be recorded
   */
  static boolean recordable(String name) {
    return !name.isBlank()
        && name.length() <= NAME_LIMIT
        && name.chars().noneMatch(Character::isISOControl);
  }

  /**
   * A name fit for a log line: control characters replaced, cut at {@value #NAME_LIMIT}.
   *
   * @param name a check's name
   * @return the name as logged
   */
  static String printable(String name) {
    String shown = name.length() > NAME_LIMIT ? name.substring(0, NAME_LIMIT) + "…" : name;
    return shown.replaceAll("\\p{Cntrl}", "?");
  }
}
