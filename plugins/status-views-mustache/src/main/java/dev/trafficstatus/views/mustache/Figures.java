package dev.trafficstatus.views.mustache;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How numbers, durations and times read on the page in English, the form {@link Words} starts
 * from for every language. Locale-neutral on purpose: the page must read the same whatever the
 * server's default locale is.
 */
final class Figures {

  private static final long NANOS_PER_MICRO = 1_000L;

  private static final long NANOS_PER_MILLI = 1_000_000L;

  private static final long NANOS_PER_SECOND = 1_000_000_000L;

  private static final long[] UNIT_NANOS = {NANOS_PER_MICRO, NANOS_PER_MILLI, NANOS_PER_SECOND};

  private static final String[] UNIT_NAMES = {"µs", "ms", "s"};

  private static final DateTimeFormatter LOCAL_TIME =
      DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss", Locale.ROOT);

  private static final DateTimeFormatter HOURS_MINUTES =
      DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);

  private static final DateTimeFormatter ZONE_ABBREVIATION =
      DateTimeFormatter.ofPattern("zzz", Locale.ENGLISH);

  private static final DateTimeFormatter DATE_AND_TIME =
      DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm", Locale.ROOT);

  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("EEEE, d MMMM uuuu", Locale.ENGLISH);

  private static final DateTimeFormatter MONTH =
      DateTimeFormatter.ofPattern("MMMM uuuu", Locale.ENGLISH);

  /** First strong isolate and pop directional isolate: text between them cannot turn what follows. */
  private static final char ISOLATE = '\u2068';

  private static final char POP_ISOLATE = '\u2069';

  private Figures() {}

  /**
   * An uptime such as {@code 99.95 %}: floored to two decimals, so any failure shows below
   * {@code 100 %} (99.999 reads "99.99 %", never "100.00 %"), and exactly 100 reads "100 %".
   *
   * @param percent the uptime, 0 to 100
   * @param failures the failures behind it; when positive the result is never 100 %
   * @return the text
   */
  static String uptime(double percent, long failures) {
    if (failures == 0 && percent >= 100) {
      return "100 %";
    }
    if (!(percent > 0)) {
      return "0.00 %";
    }
    long hundredths = hundredthsFloor(percent);
    if (hundredths >= 10_000) {
      // Only reachable when a huge count makes the division round up to 100.0 despite failures.
      hundredths = 9_999;
    }
    long fraction = hundredths % 100;
    return (hundredths / 100) + (fraction < 10 ? ".0" : ".") + fraction + " %";
  }

  /**
   * {@code floor(percent × 100)} of the decimal the double stands for: 99.95 is stored as
   * 99.9499…, and a plain floor would show it as 99.94. Same result as flooring
   * {@code BigDecimal.valueOf(percent)}, without its cost on 9,000 squares.
   */
  private static long hundredthsFloor(double percent) {
    long candidate = (long) (percent * 100);
    // The product may land just below or just above the true value; the quotient of the next
    // hundredth is the double nearest to it, so comparing with it decides exactly.
    while ((candidate + 1) / 100.0 <= percent) {
      candidate++;
    }
    while (candidate > 0 && candidate / 100.0 > percent) {
      candidate--;
    }
    return candidate;
  }

  /**
   * A latency with three significant digits in the largest unit that keeps it at least 1, such
   * as {@code 850 µs}, {@code 12.3 ms} or {@code 1.5 s}.
   *
   * @param latency the latency
   * @return the text
   */
  static String latency(Duration latency) {
    if (latency.isNegative() || latency.compareTo(Duration.ofNanos(NANOS_PER_MICRO)) < 0) {
      return "< 1 µs";
    }
    if (latency.getSeconds() >= 1_000) {
      return count(latency.getSeconds()) + " s";
    }
    long nanos = latency.toNanos();
    int unit = nanos < NANOS_PER_MILLI ? 0 : nanos < NANOS_PER_SECOND ? 1 : 2;
    for (; ; unit++) {
      long scale = UNIT_NANOS[unit];
      long whole = nanos / scale;
      int decimals = whole >= 100 ? 0 : whole >= 10 ? 1 : 2;
      long factor = decimals == 0 ? 1 : decimals == 1 ? 10 : 100;
      // Long arithmetic, half up: BigDecimal cost more than the rest of a square's text.
      long rounded = (nanos * factor + scale / 2) / scale;
      if (decimals == 0 && rounded >= 1_000 && unit < UNIT_NAMES.length - 1) {
        continue;
      }
      return decimal(rounded, decimals) + " " + UNIT_NAMES[unit];
    }
  }

  /** {@code rounded / 10^decimals} without trailing zeros: 1250, 2 → "12.5". */
  private static String decimal(long rounded, int decimals) {
    long factor = decimals == 0 ? 1 : decimals == 1 ? 10 : 100;
    long whole = rounded / factor;
    long fraction = rounded % factor;
    if (fraction == 0) {
      return Long.toString(whole);
    }
    if (decimals == 1 || fraction % 10 == 0) {
      return whole + "." + (decimals == 1 ? fraction : fraction / 10);
    }
    return whole + (fraction < 10 ? ".0" : ".") + fraction;
  }

  /**
   * A count with thousands separators, such as {@code 12,345}.
   *
   * @param count the count
   * @return the text
   */
  static String count(long count) {
    // By hand: String.format costs a microsecond, and a large page formats tens of thousands.
    String digits = Long.toString(count);
    int sign = count < 0 ? 1 : 0;
    int length = digits.length() - sign;
    if (length <= 3) {
      return digits;
    }
    StringBuilder text = new StringBuilder(digits.length() + length / 3);
    int head = sign + (length % 3 == 0 ? 3 : length % 3);
    text.append(digits, 0, head);
    for (int i = head; i < digits.length(); i += 3) {
      text.append(',').append(digits, i, i + 3);
    }
    return text.toString();
  }

  /**
   * A count with its noun, singular for one: {@code 1 failure}, {@code 12,345 requests}.
   *
   * @param count the count
   * @param singular the noun for one
   * @return the text
   */
  static String counted(long count, String singular) {
    if (count == 1) {
      return "1 " + singular;
    }
    return count(count) + " " + (singular.endsWith("s") ? singular + "es" : singular + "s");
  }

  /**
   * A time of day in a zone with the zone's abbreviation, such as {@code 14:02 UTC} or
   * {@code 15:02 CET}; UTC in any spelling reads {@code UTC}.
   *
   * @param instant the moment
   * @param zone the zone to show it in
   * @return the text
   */
  static String time(Instant instant, ZoneId zone) {
    ZonedDateTime local = instant.atZone(zone);
    String time = HOURS_MINUTES.format(local);
    return zone.normalized().equals(ZoneOffset.UTC)
        ? time + " UTC"
        : time + " " + ZONE_ABBREVIATION.format(local);
  }

  /**
   * A moment in a zone with the zone named, such as {@code 2025-01-05 15:03:07 CET
   * (Europe/Berlin)}; UTC in any spelling reads {@code UTC}.
   *
   * @param instant the moment
   * @param zone the zone to show it in
   * @return the text
   */
  static String dateTime(Instant instant, ZoneId zone) {
    ZonedDateTime local = instant.atZone(zone);
    String time = LOCAL_TIME.format(local);
    if (zone.normalized().equals(ZoneOffset.UTC)) {
      return time + " UTC";
    }
    String abbreviation = ZONE_ABBREVIATION.format(local);
    if (abbreviation.equals(zone.getId())) {
      return time + " " + abbreviation;
    }
    return time + " " + abbreviation + " (" + zone.getId() + ")";
  }

  /**
   * A moment as a date and a time of day in a zone, such as {@code 2025-06-30 14:02 UTC} or
   * {@code 2025-06-30 16:02 CEST}.
   *
   * @param instant the moment
   * @param zone the zone to show it in
   * @return the text
   */
  static String dateAndTime(Instant instant, ZoneId zone) {
    ZonedDateTime local = instant.atZone(zone);
    return DATE_AND_TIME.format(local) + " " + zoneName(local, zone);
  }

  private static String zoneName(ZonedDateTime local, ZoneId zone) {
    return zone.normalized().equals(ZoneOffset.UTC) ? "UTC" : ZONE_ABBREVIATION.format(local);
  }

  /**
   * A day as a heading, such as {@code Monday, 30 June 2025}.
   *
   * @param day the day
   * @return the text
   */
  static String day(LocalDate day) {
    return DAY.format(day);
  }

  /**
   * A month as a heading, such as {@code June 2025}.
   *
   * @param month the month
   * @return the text
   */
  static String month(YearMonth month) {
    return MONTH.format(month);
  }

  /**
   * A duration in the two largest units that matter, such as {@code 45 min}, {@code 1 h 10 min}
   * or {@code 3 days 2 h}; under a minute reads {@code less than a minute}.
   *
   * @param duration the duration, not negative
   * @return the text
   */
  static String duration(Duration duration) {
    long minutes = duration.toMinutes();
    if (minutes < 1) {
      return "less than a minute";
    }
    long days = minutes / (24 * 60);
    long hours = minutes / 60 % 24;
    long rest = minutes % 60;
    if (days > 0) {
      return counted(days, "day") + (hours > 0 ? " " + hours + " h" : "");
    }
    if (hours > 0) {
      return hours + " h" + (rest > 0 ? " " + rest + " min" : "");
    }
    return rest + " min";
  }

  /**
   * People's text for a place where markup cannot isolate it (a {@code title} attribute, the
   * document title): wrapped in Unicode isolates, with the text's own direction controls taken out,
   * so a right-to-left override in a name cannot reverse the words after it.
   *
   * @param text the text
   * @return the isolated text
   */
  static String isolated(String text) {
    StringBuilder out = new StringBuilder(text.length() + 2).append(ISOLATE);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!isDirectionControl(c)) {
        out.append(c);
      }
    }
    return out.append(POP_ISOLATE).toString();
  }

  private static boolean isDirectionControl(char c) {
    return (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069')
        || c == '\u200E' || c == '\u200F' || c == '\u061C';
  }
}
