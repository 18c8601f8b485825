package dev.trafficstatus.spi.page;

import dev.trafficstatus.spi.RouteKey;
import dev.trafficstatus.spi.notice.Notice;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.Objects;

/**
 * The page of one incident or maintenance: its whole timeline, the routes it affects and how long
 * it lasted, served at {@link PageLinks#notice(String)}.
 *
 * @param title the status page's title
 * @param notice the incident or maintenance, its updates newest first
 * @param routeNames the display names of the routes the status page shows, by route: a renderer
 *     names an affected route only when it is here, and counts the others without naming them
 *     (they are routes the page keeps private)
 * @param generatedAt when what it shows was read
 * @param zone the time zone for displaying times
 * @param refresh how often the page reloads itself
 * @param stale whether what it shows is the last read of a store that cannot be read now
 */
public record NoticePage(
    String title,
    Notice notice,
    Map<RouteKey, String> routeNames,
    Instant generatedAt,
    ZoneId zone,
    Duration refresh,
    boolean stale) {

  /** Checks every part is present and copies the names. */
  public NoticePage {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(notice, "notice");
    routeNames = Map.copyOf(routeNames);
    Objects.requireNonNull(generatedAt, "generatedAt");
    Objects.requireNonNull(zone, "zone");
    Objects.requireNonNull(refresh, "refresh");
  }
}
