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
 * @param rules the rules shown, all when empty (FlaskStatus's {@code routes=['/']}); a rule named
 *     here is shown even when the host protects its route
 * @param grouping how cards are grouped
 * @param services the services whose routes are shown, all when empty: a page over a database
 *     that several services share may show some of them
 * @param showProtectedRoutes whether routes the host protects (see {@link
 *     dev.trafficstatus.spi.store.StoredRoute#restricted()}) are shown without being named in
 *     {@code rules}; by default they are counted but kept off the public page
 * @param renderCacheBytes how many bytes of rendered bodies (HTML and JSON, plain and gzipped) the
 *     host keeps between requests
 * @param otherWindowRenders how many pages of windows other than the default and the renderer's
 *     links may be built per refresh interval; requests beyond are refused until the next interval,
 *     so asking for ever new windows costs bounded CPU
 * @param showVersions whether deploy markers name the version deployed (versions can tell an
 *     attacker which known flaws a service has; some hosts keep them private)
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
    Grouping grouping,
    List<String> services,
    boolean showProtectedRoutes,
    long renderCacheBytes,
    int otherWindowRenders,
    boolean showVersions) {

  /** The longest title. */
  public static final int MAX_TITLE_LENGTH = 200;

  /** The shortest refresh: a page many people watch costs one store read per refresh. */
  public static final Duration MIN_REFRESH = Duration.ofSeconds(5);

  /** The longest history refresh and current window. */
  public static final Duration MAX_WINDOW = Duration.ofDays(1);

  /** The shortest current window: one closed minute. */
  public static final Duration MIN_CURRENT_WINDOW = Duration.ofMinutes(1);

  /** The default render cache: the linked windows of a 100-route page, HTML and JSON, with room. */
  public static final long DEFAULT_RENDER_CACHE_BYTES = 64L * 1024 * 1024;

  /** The smallest render cache: a default-sized page of a few dozen routes. */
  public static final long MIN_RENDER_CACHE_BYTES = 1024L * 1024;

  /** The largest render cache. */
  public static final long MAX_RENDER_CACHE_BYTES = 8L * 1024 * 1024 * 1024;

  /** Pages of other windows built per refresh interval by default: plenty for people, few for a flood. */
  public static final int DEFAULT_OTHER_WINDOW_RENDERS = 10;

  /** The most pages of other windows per refresh interval. */
  public static final int MAX_OTHER_WINDOW_RENDERS = 10_000;

  /** Checks the window bounds and copies the rules. */
  public PageSettings {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(zone, "zone");
    Objects.requireNonNull(refresh, "refresh");
    Objects.requireNonNull(historyRefresh, "historyRefresh");
    Objects.requireNonNull(currentWindow, "currentWindow");
    Objects.requireNonNull(grouping, "grouping");
    rules = List.copyOf(rules);
    services = List.copyOf(services);
    for (String service : services) {
      if (service.isBlank()) {
        throw new InvalidSettingException("services", "must name services, got a blank name");
      }
    }
    if (renderCacheBytes < MIN_RENDER_CACHE_BYTES || renderCacheBytes > MAX_RENDER_CACHE_BYTES) {
      throw new InvalidSettingException(
          "renderCache",
          "must be between " + MIN_RENDER_CACHE_BYTES / 1024 / 1024 + " MiB and "
              + MAX_RENDER_CACHE_BYTES / 1024 / 1024 / 1024 + " GiB, got " + renderCacheBytes
              + " bytes");
    }
    if (otherWindowRenders < 0 || otherWindowRenders > MAX_OTHER_WINDOW_RENDERS) {
      throw new InvalidSettingException(
          "otherWindowRenders",
          "must be between 0 and " + MAX_OTHER_WINDOW_RENDERS + ", got " + otherWindowRenders);
    }
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
   * Settings that show versions on deploy markers: the shape before that key existed.
   *
   * @param title the page title
   * @param defaultDays the window when the request names none
   * @param maxDays the longest window a request may ask for
   * @param zone the time zone for displaying times
   * @param refresh how often the page reloads itself
   * @param historyRefresh how long the days before yesterday are kept between reads
   * @param currentWindow how far back a route's current state looks
   * @param rules the rules shown, all when empty
   * @param grouping how cards are grouped
   * @param services the services whose routes are shown, all when empty
   * @param showProtectedRoutes whether protected routes are shown without being named
   * @param renderCacheBytes how many bytes of rendered bodies are kept
   * @param otherWindowRenders how many pages of other windows may be built per refresh interval
   */
  public PageSettings(
      String title,
      int defaultDays,
      int maxDays,
      ZoneId zone,
      Duration refresh,
      Duration historyRefresh,
      Duration currentWindow,
      List<String> rules,
      Grouping grouping,
      List<String> services,
      boolean showProtectedRoutes,
      long renderCacheBytes,
      int otherWindowRenders) {
    this(title, defaultDays, maxDays, zone, refresh, historyRefresh, currentWindow, rules, grouping,
        services, showProtectedRoutes, renderCacheBytes, otherWindowRenders, true);
  }

  /**
   * Settings with the defaults for every service, protected route, cache and window budget: the
   * shape before those keys existed.
   *
   * @param title the page title
   * @param defaultDays the window when the request names none
   * @param maxDays the longest window a request may ask for
   * @param zone the time zone for displaying times
   * @param refresh how often the page reloads itself
   * @param historyRefresh how long the days before yesterday are kept between reads
   * @param currentWindow how far back a route's current state looks
   * @param rules the rules shown, all when empty
   * @param grouping how cards are grouped
   */
  public PageSettings(
      String title,
      int defaultDays,
      int maxDays,
      ZoneId zone,
      Duration refresh,
      Duration historyRefresh,
      Duration currentWindow,
      List<String> rules,
      Grouping grouping) {
    this(title, defaultDays, maxDays, zone, refresh, historyRefresh, currentWindow, rules, grouping,
        List.of(), false, DEFAULT_RENDER_CACHE_BYTES, DEFAULT_OTHER_WINDOW_RENDERS, true);
  }

  /**
   * 90 days by default, up to 365; UTC; reload every minute, days before yesterday re-read every
   * 10 minutes; current state over 15 minutes; every public route of every service; grouped by
   * group; 64 MiB of rendered pages kept; 10 pages of other windows per refresh; versions shown on
   * deploy markers.
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
