package dev.trafficstatus.core.status;

import dev.trafficstatus.spi.page.StatusPage;
import dev.trafficstatus.spi.store.DayBucket;
import dev.trafficstatus.spi.store.RouteTally;
import dev.trafficstatus.spi.store.StatusStore;
import dev.trafficstatus.spi.store.StoredRoute;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Serves the page model: reads the store, builds the page, and keeps what it read for at most the
 * page's refresh interval, so a page that many people watch costs one set of queries per interval.
 *
 * <p>What is kept is the store's figures for the longest window asked for in the interval; shorter
 * windows are cut from it. So however many window lengths clients ask for ({@code ?days=1} to
 * {@code ?days=365}), the store is read at most once per interval, plus once more each time a
 * longer window than any before is asked for. Concurrent requests that find the figures stale wait
 * for one read rather than each reading.
 *
 * <p>Most of a window is closed days, whose figures change only when an instance writes late (its
 * retry buffer after a database outage, say). So a read at the end of a refresh interval asks the
 * store for yesterday and today only and keeps the older days it already has; those are read again
 * once per {@link PageSettings#historyRefresh()}, and at once after {@link #invalidate()}.
 */
public final class StatusService {

  private final StatusStore store;
  private final PageBuilder builder;
  private final PageSettings settings;
  private final Clock clock;
  private volatile Snapshot snapshot;

  /**
   * What the store held at one instant, for a window of {@code days}, and the pages cut from it;
   * the days before yesterday as they were at {@code historyReadAt}.
   */
  private record Snapshot(
      Instant readAt,
      Instant historyReadAt,
      int days,
      List<StoredRoute> routes,
      List<DayBucket> dayBuckets,
      List<RouteTally> recent,
      Map<Integer, StatusPage> pages) {}

  /**
   * @param store where the figures are
   * @param settings what to show
   * @param policy how figures become states
   * @param clock what "now" is
   */
  public StatusService(StatusStore store, PageSettings settings, HealthPolicy policy, Clock clock) {
    this.store = Objects.requireNonNull(store, "store");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.builder = new PageBuilder(settings, policy);
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * The page settings, for callers that validate a requested window.
   *
   * @return the settings
   */
  public PageSettings settings() {
    return settings;
  }

  /**
   * The page over the default window.
   *
   * @return the page
   */
  public StatusPage page() {
    return page(settings.defaultDays());
  }

  /**
   * The page over a window of the given length.
   *
   * @param days the window, from 1 to the configured maximum
   * @return the page, at most one refresh interval old
   * @throws IllegalArgumentException when the window is out of bounds
   * @throws dev.trafficstatus.spi.store.StoreException when the store cannot be read
   */
  public StatusPage page(int days) {
    if (days < 1 || days > settings.maxDays()) {
      throw new IllegalArgumentException(
          "days must be between 1 and " + settings.maxDays() + ", got " + days);
    }
    Snapshot current = snapshot;
    if (!covers(current, days, clock.instant())) {
      current = refresh(days);
    }
    Snapshot figures = current;
    return figures.pages()
        .computeIfAbsent(
            days,
            d -> builder.build(figures.readAt(), d, figures.routes(), figures.dayBuckets(), figures.recent()));
  }

  private boolean covers(Snapshot figures, int days, Instant now) {
    return figures != null
        && figures.days() >= days
        && !now.isBefore(figures.readAt())
        && now.isBefore(figures.readAt().plus(settings.refresh()));
  }

  /** Reads the store once for everyone waiting; a window at least as long as the stale one's. */
  private synchronized Snapshot refresh(int days) {
    Instant now = clock.instant();
    Snapshot stale = snapshot;
    if (covers(stale, days, now)) {
      return stale;
    }
    int window = stale != null && stale.days() > days && covers(stale, 1, now) ? stale.days() : days;
    LocalDate first = PageBuilder.firstDay(now, window);
    LocalDate today = PageBuilder.today(now);
    List<DayBucket> dayBuckets;
    Instant historyReadAt;
    if (historyStillGood(stale, first, now)) {
      LocalDate recentFrom = first.isAfter(today.minusDays(1)) ? first : today.minusDays(1);
      List<DayBucket> recentDays = store.readDays(recentFrom, today);
      dayBuckets = new ArrayList<>(stale.dayBuckets().size());
      for (DayBucket kept : stale.dayBuckets()) {
        if (!kept.day().isBefore(first) && kept.day().isBefore(recentFrom)) {
          dayBuckets.add(kept);
        }
      }
      dayBuckets.addAll(recentDays);
      historyReadAt = stale.historyReadAt();
    } else {
      dayBuckets = store.readDays(first, today);
      historyReadAt = now;
    }
    Snapshot fresh =
        new Snapshot(
            now,
            historyReadAt,
            window,
            store.routes(),
            List.copyOf(dayBuckets),
            store.readSince(now.minus(settings.currentWindow())),
            new ConcurrentHashMap<>());
    snapshot = fresh;
    return fresh;
  }

  /** Whether the stale figures hold every closed day of the window, read recently enough. */
  private boolean historyStillGood(Snapshot stale, LocalDate first, Instant now) {
    return stale != null
        && !PageBuilder.firstDay(stale.readAt(), stale.days()).isAfter(first)
        && !now.isBefore(stale.historyReadAt())
        && now.isBefore(stale.historyReadAt().plus(settings.historyRefresh()));
  }

  /**
   * Forgets what was read, history included, so the next request reads the whole window from the
   * store (after a flush or an edit).
   */
  public void invalidate() {
    snapshot = null;
  }
}
