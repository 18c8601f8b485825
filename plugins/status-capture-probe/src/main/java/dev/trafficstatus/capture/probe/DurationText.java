package dev.trafficstatus.capture.probe;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as people write them in {@code config.yml}: a whole number and a unit ({@code 500ms},
 * {@code 30s}, {@code 2m}, {@code 1h}, {@code 1d}; {@code 30 seconds} works too), or ISO-8601
 * ({@code PT30S}). Its own parser rather than Dropwizard's {@code Duration}, so the plugin binds
 * without any framework on its class path.
 */
final class DurationText {

  private static final Pattern AMOUNT_AND_UNIT = Pattern.compile("(\\d{1,9})\\s*([a-z]+)");

  private static final Map<String, ChronoUnit> UNITS =
      Map.ofEntries(
          Map.entry("ms", ChronoUnit.MILLIS),
          Map.entry("millisecond", ChronoUnit.MILLIS),
          Map.entry("milliseconds", ChronoUnit.MILLIS),
          Map.entry("s", ChronoUnit.SECONDS),
          Map.entry("second", ChronoUnit.SECONDS),
          Map.entry("seconds", ChronoUnit.SECONDS),
          Map.entry("m", ChronoUnit.MINUTES),
          Map.entry("minute", ChronoUnit.MINUTES),
          Map.entry("minutes", ChronoUnit.MINUTES),
          Map.entry("h", ChronoUnit.HOURS),
          Map.entry("hour", ChronoUnit.HOURS),
          Map.entry("hours", ChronoUnit.HOURS),
          Map.entry("d", ChronoUnit.DAYS),
          Map.entry("day", ChronoUnit.DAYS),
          Map.entry("days", ChronoUnit.DAYS));

  private DurationText() {}

  /**
   * Reads a duration.
   *
   * @param text such as {@code 30s} or {@code PT30S}
   * @return the duration, zero or longer
   * @throws IllegalArgumentException when the text is not a duration, saying what is accepted
   */
  static Duration parse(String text) {
    if (text == null || text.isBlank()) {
      throw malformed(text);
    }
    String normalized = text.strip().toLowerCase(Locale.ROOT);
    if (normalized.startsWith("p")) {
      try {
        Duration iso = Duration.parse(normalized.toUpperCase(Locale.ROOT));
        if (iso.isNegative()) {
          throw malformed(text);
        }
        return iso;
      } catch (DateTimeParseException notIso) {
        throw malformed(text);
      }
    }
    Matcher matcher = AMOUNT_AND_UNIT.matcher(normalized);
    if (!matcher.matches() || !UNITS.containsKey(matcher.group(2))) {
      throw malformed(text);
    }
    return Duration.of(Long.parseLong(matcher.group(1)), UNITS.get(matcher.group(2)));
  }

  /**
   * Writes a duration the short way round, for descriptions and messages: {@code 30s},
   * {@code 1m30s}, {@code 250ms}.
   *
   * @param duration the duration, zero or longer
   * @return the text
   */
  static String format(Duration duration) {
    if (duration.isZero()) {
      return "0s";
    }
    StringBuilder text = new StringBuilder();
    append(text, duration.toDaysPart(), "d");
    append(text, duration.toHoursPart(), "h");
    append(text, duration.toMinutesPart(), "m");
    append(text, duration.toSecondsPart(), "s");
    append(text, duration.toMillisPart(), "ms");
    return text.length() == 0 ? duration.toNanos() + "ns" : text.toString();
  }

  private static void append(StringBuilder text, long amount, String unit) {
    if (amount > 0) {
      text.append(amount).append(unit);
    }
  }

  private static IllegalArgumentException malformed(String text) {
    return new IllegalArgumentException(
        "'" + text + "' is not a duration; write a whole number and a unit (ms, s, m, h, d),"
            + " such as 30s or 500ms, or ISO-8601 such as PT30S");
  }
}
