package dev.trafficstatus.core.status;

import static dev.trafficstatus.spi.InvalidSettingException.text;

import dev.trafficstatus.spi.InvalidSettingException;
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

  /** The longest title. */
  public static final int MAX_TITLE_LENGTH = 200;

  /** The shortest refresh: a page many people watch costs one store read per refresh. */
  public static final Duration MIN_REFRESH = Duration.ofSeconds(5);

  /** The longest history refresh and current window. */
  public static final Duration MAX_WINDOW = Duration.ofDays(1);

  /** The shortest current window: one closed minute. */
  public static final Duration MIN_CURRENT_WINDOW = Duration.ofMinutes(1);

  /** Checks the window bounds and copies the rules. */
  public PageSettings {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(zone, "zone");
    Objects.requireNonNull(refresh, "refresh");
    Objects.requireNonNull(historyRefresh, "historyRefresh");
    Objects.requireNonNull(currentWindow, "currentWindow");
    Objects.requireNonNull(grouping, "grouping");
    rules = List.copyOf(rules);
    if (title.length() > MAX_TITLE_LENGTH) {
      throw new InvalidSettingException(
          "title", "must be at most " + MAX_TITLE_LENGTH + " characters, got " + title.length());
    }
    if (maxDays < 1 || maxDays > StatusPage.MAX_WINDOW_DAYS) {
      throw new InvalidSettingException(
          "maxDays", "must be between 1 and " + StatusPage.MAX_WINDOW_DAYS + ", got " + maxDays);
    }
    if (defaultDays < 1 || defaultDays > maxDays) {
      throw new InvalidSettingException(
          "days", "must be between 1 and maxDays (" + maxDays + "), got " + defaultDays);
    }
    if (refresh.compareTo(MIN_REFRESH) < 0) {
      throw new InvalidSettingException(
          "refresh", "must be at least " + text(MIN_REFRESH) + ", got " + text(refresh));
    }
    if (historyRefresh.compareTo(refresh) < 0 || historyRefresh.compareTo(MAX_WINDOW) > 0) {
      throw new InvalidSettingException(
          "historyRefresh",
          "must be between refresh (" + text(refresh) + ") and " + text(MAX_WINDOW) + ", got "
              + text(historyRefresh));
    }
    if (currentWindow.compareTo(MIN_CURRENT_WINDOW) < 0 || currentWindow.compareTo(MAX_WINDOW) > 0) {
      throw new InvalidSettingException(
          "currentWindow",
          "must be between " + text(MIN_CURRENT_WINDOW) + " and " + text(MAX_WINDOW) + ", got "
              + text(currentWindow));
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
