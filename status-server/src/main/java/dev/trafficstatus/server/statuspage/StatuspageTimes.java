package dev.trafficstatus.server.statuspage;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Times as Statuspage writes them: ISO-8601 with milliseconds and the page's UTC offset, such as
 * {@code 2025-06-15T12:00:30.000+02:00} ({@code Z} for UTC).
 */
final class StatuspageTimes {

  private static final DateTimeFormatter FORMAT =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSXXX");

  private final DateTimeFormatter format;
  private final ZoneId zone;

  /**
   * @param zone the page's time zone
   */
  StatuspageTimes(ZoneId zone) {
    this.zone = zone;
    this.format = FORMAT.withZone(zone);
  }

  /**
   * An instant as text.
   *
   * @param instant the instant, or null
   * @return the text, or null for null
   */
  String format(Instant instant) {
    return instant == null ? null : format.format(instant);
  }

  /**
   * The start of a UTC day, as text in the page's zone.
   *
   * @param day the UTC day
   * @return the text
   */
  String startOf(LocalDate day) {
    return format(day.atStartOfDay(java.time.ZoneOffset.UTC).toInstant());
  }

  ZoneId zone() {
    return zone;
  }
}
