package dev.trafficstatus.capture.probe;

import io.dropwizard.util.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One probe, resolved from configuration or a urls.cfg line: what to call, how often, and which
 * answers count as up. Durations are Dropwizard's, as written in configuration.
 *
 * @param name the route's name on the page; also its identity ({@link #rule()})
 * @param url the URL to call
 * @param method the HTTP method
 * @param interval how often to call, before jitter
 * @param timeout how long an attempt may take, connection and answer included, before it counts
 *     as a failure; never longer than the interval
 * @param expectedStatus the status codes that count as up; any other answer is a failure
 * @param followRedirects whether redirects are followed (then the final status counts) or judged
 *     by their own status
 * @param doc what the page shows under the name; by default the redacted URL
 * @param source where the probe was configured, for messages: {@code probes} or the urls.cfg path
 */
record Probe(
    String name,
    ProbeUrl url,
    ProbeMethod method,
    Duration interval,
    Duration timeout,
    Set<Integer> expectedStatus,
    boolean followRedirects,
    String doc,
    String source) {

  /**
   * 1 to 100 characters, no control characters, not starting or ending with a space. The name is
   * part of the route's identity, so it has to be printable and unambiguous.
   */
  static final String NAME_PATTERN = "[^\\p{Cntrl}\\s](?:[^\\p{Cntrl}]{0,98}[^\\p{Cntrl}\\s])?";

  /** Statsig's status page counted these as up: success and the usual redirects. */
  static final List<Integer> DEFAULT_EXPECTED_STATUS = List.of(200, 202, 301, 302, 307);

  /** The shortest interval: probes are a status check, not a load test. */
  static final Duration MIN_INTERVAL = Duration.milliseconds(100);

  static final Duration MAX_INTERVAL = Duration.days(1);

  private static final Pattern NAME = Pattern.compile(NAME_PATTERN);

  private static final String RULE_PREFIX = "probe:";

  /** Checks every part and that the timeout fits in the interval. */
  Probe {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(interval, "interval");
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(doc, "doc");
    Objects.requireNonNull(source, "source");
    expectedStatus = Set.copyOf(expectedStatus);
    checkName(name);
    checkInterval(interval);
    checkTimeout(timeout);
    if (timeout.compareTo(interval) > 0) {
      throw new IllegalArgumentException(
          "probe '" + name + "' (" + source + "): its timeout " + text(timeout)
              + " is longer than its interval " + text(interval)
              + ", so every other round would be skipped; shorten the timeout or lengthen the"
              + " interval");
    }
    if (expectedStatus.isEmpty()) {
      throw new IllegalArgumentException("probe '" + name + "': expectedStatus is empty");
    }
    for (int status : expectedStatus) {
      checkStatus(status);
    }
  }

  /**
   * The route's rule. Probe rules start with {@code probe:}, never with {@code /}, so they cannot
   * collide with the route templates of captured HTTP applications in the same service.
   *
   * @return {@code probe:<name>}
   */
  String rule() {
    return RULE_PREFIX + name;
  }

  /**
   * Whether an answer counts as up.
   *
   * @param status the final HTTP status
   * @return whether it is one of the expected codes
   */
  boolean expects(int status) {
    return expectedStatus.contains(status);
  }

  /** Whether this probe came from a urls.cfg file rather than the {@code probes} list. */
  boolean fromUrlsFile() {
    return !source.equals(ProbeSettings.SOURCE);
  }

  static String checkName(String name) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "the name '" + name + "' must be 1 to 100 characters without control characters,"
              + " and not start or end with a space");
    }
    return name;
  }

  /**
   * Reads a duration setting exactly as Dropwizard reads every duration in {@code config.yml}
   * ({@link Duration#parse}), with a message that says what to write instead.
   *
   * @param text such as {@code 30s}, {@code 500ms} or {@code 30 seconds}
   * @return the duration
   * @throws IllegalArgumentException when Dropwizard would not read it, ISO-8601 included
   */
  static Duration duration(String text) {
    try {
      return Duration.parse(Objects.requireNonNull(text, "no duration"));
    } catch (IllegalArgumentException | NullPointerException notADuration) {
      // Without Dropwizard's exception as the cause: the configuration factory reports the root
      // cause's message, and "Wrong time unit" would hide what to write instead.
      throw new IllegalArgumentException(
          "'" + text + "' is not a duration; write a whole number and a unit as everywhere in"
              + " config.yml, such as 500ms, 30s, 2m, 1h, 1d or 30 seconds (ISO-8601 such as"
              + " PT30S is not accepted)");
    }
  }

  /**
   * Writes a duration the short way, as configuration does: {@code 30s}, {@code 250ms}.
   *
   * @param duration the duration
   * @return its amount and unit
   */
  static String text(Duration duration) {
    String unit =
        switch (duration.getUnit()) {
          case NANOSECONDS -> "ns";
          case MICROSECONDS -> "us";
          case MILLISECONDS -> "ms";
          case SECONDS -> "s";
          case MINUTES -> "m";
          case HOURS -> "h";
          case DAYS -> "d";
        };
    return duration.getQuantity() + unit;
  }

  static Duration checkInterval(Duration interval) {
    if (interval.compareTo(MIN_INTERVAL) < 0 || interval.compareTo(MAX_INTERVAL) > 0) {
      throw new IllegalArgumentException(
          "an interval must be from " + text(MIN_INTERVAL) + " to " + text(MAX_INTERVAL)
              + ", got " + text(interval));
    }
    return interval;
  }

  static Duration checkTimeout(Duration timeout) {
    if (timeout.getQuantity() <= 0) {
      throw new IllegalArgumentException("a timeout must be longer than zero");
    }
    return timeout;
  }

  static int checkStatus(int status) {
    if (status < 100 || status > 599) {
      throw new IllegalArgumentException(
          "expected status " + status + " is not an HTTP status code (100 to 599)");
    }
    return status;
  }
}
