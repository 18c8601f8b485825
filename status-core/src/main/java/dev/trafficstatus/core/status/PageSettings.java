package dev.trafficstatus.core.status;

import dev.trafficstatus.spi.page.StatusPage;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * What the page shows.
 *
 * @param title the page title
 * @param defaultDays the window when the request names none
 * @param maxDays the longest window a request may ask for
 * @param zone the time zone for displaying times (days stay UTC calendar days)
 * @param refresh how often the page reloads itself; page data is cached at most this long
 * @param historyRefresh how long the days before yesterday are kept between reads of the store:
 *     at each {@code refresh} only yesterday and today are read again, since closed days change only
 *     when an instance writes late (after a long database outage, say); at least {@code refresh}
 * @param currentWindow how far back a route's current state looks
 * @param rules the rules shown, all when empty (the seed's {@code routes=['/']})
 * @param grouping how cards are grouped
 */
public record PageSettings(
    String title,
    int defaultDays,
    int maxDays,
    ZoneId zone,
    Duration refresh,
    Duration historyRefresh,
    Duration currentWindow,
    List<String> rules,
    Grouping grouping) {

  /** Checks the window bounds and copies the rules. */
  public PageSettings {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(zone, "zone");
    Objects.requireNonNull(refresh, "refresh");
    Objects.requireNonNull(historyRefresh, "historyRefresh");
    Objects.requireNonNull(currentWindow, "currentWindow");
    Objects.requireNonNull(grouping, "grouping");
    rules = List.copyOf(rules);
    if (maxDays < 1 || maxDays > StatusPage.MAX_WINDOW_DAYS || defaultDays < 1 || defaultDays > maxDays) {
      throw new IllegalArgumentException(
          "need 1 <= days <= maxDays <= " + StatusPage.MAX_WINDOW_DAYS + ", got " + defaultDays
              + " and " + maxDays);
    }
    if (refresh.compareTo(Duration.ofSeconds(5)) < 0) {
      throw new IllegalArgumentException("refresh must be at least 5s, got " + refresh);
    }
    if (historyRefresh.compareTo(refresh) < 0 || historyRefresh.compareTo(Duration.ofDays(1)) > 0) {
      throw new IllegalArgumentException(
          "historyRefresh must be between refresh (" + refresh + ") and 1d, got " + historyRefresh);
    }
    if (currentWindow.compareTo(Duration.ofMinutes(1)) < 0 || currentWindow.compareTo(Duration.ofDays(1)) > 0) {
      throw new IllegalArgumentException("currentWindow must be between 1m and 1d, got " + currentWindow);
    }
  }

  /**
   * 90 days by default, up to 365; UTC; reload every minute, days before yesterday re-read every
   * 10 minutes; current state over 15 minutes; every route; grouped by group.
   *
   * @param title the page title
   * @return the defaults
   */
  public static PageSettings defaults(String title) {
    return new PageSettings(
        title, 90, 365, ZoneId.of("UTC"), Duration.ofMinutes(1), Duration.ofMinutes(10), Duration.ofMinutes(15),
        List.of(),
        Grouping.GROUP);
  }
}
