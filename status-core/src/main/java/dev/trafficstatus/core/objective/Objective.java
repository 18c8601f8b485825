package dev.trafficstatus.core.objective;

import dev.trafficstatus.spi.InvalidSettingException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A service level objective over real traffic: an availability target and optionally a latency
 * target, over a rolling window of whole UTC days.
 *
 * <p>The window is the last {@code window} whole UTC days plus today so far: minute and hour rows
 * are pruned after a week, so a long window counts whole days from day rollups (and the edges of
 * today from minute rows).
 *
 * @param name the objective's name, shown on the page and in incidents
 * @param scope the routes it covers
 * @param availability the availability target in percent (successes / (successes + failures)),
 *     above 0 and below 100, such as 99.9
 * @param latency the latency target, or null for none
 * @param window the window, whole days from 1 to {@value #MAX_DAYS} days
 */
public record Objective(
    String name, ObjectiveScope scope, BigDecimal availability, LatencyTarget latency, Duration window) {

  /** The longest name: it titles incidents, whose titles are at most 200 characters. */
  public static final int MAX_NAME_LENGTH = 100;

  /** The longest window in days. */
  public static final int MAX_DAYS = 400;

  /** The default window: 30 days. */
  public static final Duration DEFAULT_WINDOW = Duration.ofDays(30);

  /** Checks the parts. */
  public Objective {
    Objects.requireNonNull(name, "name");
    if (name.isBlank() || name.length() > MAX_NAME_LENGTH || name.chars().anyMatch(Character::isISOControl)) {
      throw new InvalidSettingException(
          "name", "must be one line of 1 to " + MAX_NAME_LENGTH + " characters, got '" + name + "'");
    }
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(availability, "availability");
    Objects.requireNonNull(window, "window");
    checkPercent("availability", availability);
    if (window.toSeconds() % 86_400 != 0 || window.toDays() < 1 || window.toDays() > MAX_DAYS) {
      throw new InvalidSettingException(
          "window", "must be whole days from 1d to " + MAX_DAYS + "d, got " + InvalidSettingException.text(window));
    }
  }

  static void checkPercent(String key, BigDecimal percent) {
    if (percent.signum() <= 0 || percent.compareTo(BigDecimal.valueOf(100)) >= 0) {
      throw new InvalidSettingException(key, "must be a percentage above 0 and below 100, got " + percent);
    }
  }

  /**
   * The indicators it sets targets for: availability, then latency if set.
   *
   * @return one or two indicators
   */
  public List<Indicator> indicators() {
    List<Indicator> indicators = new ArrayList<>(List.of(Indicator.AVAILABILITY));
    if (latency != null) {
      indicators.add(Indicator.LATENCY);
    }
    return indicators;
  }

  /**
   * An indicator's target.
   *
   * @param indicator the indicator
   * @return the target in percent
   */
  public BigDecimal target(Indicator indicator) {
    return switch (indicator) {
      case AVAILABILITY -> availability;
      case LATENCY -> Objects.requireNonNull(latency, "no latency target").percent();
    };
  }

  /**
   * The latency threshold, for counting.
   *
   * @return the threshold, or empty without a latency target
   */
  public Optional<Duration> threshold() {
    return Optional.ofNullable(latency).map(LatencyTarget::threshold);
  }

  /**
   * Where the window starts: midnight UTC {@code window} days before today's.
   *
   * @param now the current time
   * @return the start, inclusive
   */
  public Instant windowStart(Instant now) {
    return now.truncatedTo(ChronoUnit.DAYS).minus(window);
  }
}
