package dev.trafficstatus.spi.page;

import dev.trafficstatus.spi.RouteKey;
import dev.trafficstatus.spi.notice.Notice;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One month of the incident history, served at {@link PageLinks#history(YearMonth)}: the
 * incidents and maintenances of that month, in the page's time zone, with links to the months
 * before and after it.
 *
 * @param title the status page's title
 * @param month the month shown
 * @param notices the incidents and maintenances closed in the month, and those still open that
 *     began in it, newest start first
 * @param complete false when the month had more closed notices than the page lists (the newest
 *     are listed)
 * @param earliest the oldest month the history keeps: a renderer links to no month before it
 * @param latest the current month: a renderer links to no month after it
 * @param routeNames the display names of the routes the status page shows, by route; other
 *     affected routes are counted, never named (see {@link NoticePage#routeNames()})
 * @param generatedAt when what it shows was read
 * @param zone the time zone months and times are shown in
 * @param refresh how often the page reloads itself
 * @param stale whether what it shows is the last read of a store that cannot be read now
 */
public record HistoryPage(
    String title,
    YearMonth month,
    List<Notice> notices,
    boolean complete,
    YearMonth earliest,
    YearMonth latest,
    Map<RouteKey, String> routeNames,
    Instant generatedAt,
    ZoneId zone,
    Duration refresh,
    boolean stale) {

  /** Checks every part is present, the months in order, and copies the lists. */
  public HistoryPage {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(month, "month");
    notices = List.copyOf(notices);
    Objects.requireNonNull(earliest, "earliest");
    Objects.requireNonNull(latest, "latest");
    routeNames = Map.copyOf(routeNames);
    Objects.requireNonNull(generatedAt, "generatedAt");
    Objects.requireNonNull(zone, "zone");
    Objects.requireNonNull(refresh, "refresh");
    if (month.isBefore(earliest) || month.isAfter(latest) || earliest.isAfter(latest)) {
      throw new IllegalArgumentException(
          "month " + month + " must lie between " + earliest + " and " + latest);
    }
  }
}
