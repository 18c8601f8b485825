package dev.trafficstatus.core.status;

import dev.trafficstatus.spi.page.StatusPage;
import dev.trafficstatus.spi.store.StatusStore;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Serves the page model: reads the store, builds the page, and keeps it for at most the page's
 * refresh interval, so a page that many people watch costs one set of queries per interval.
 */
public final class StatusService {

  private final StatusStore store;
  private final PageBuilder builder;
  private final PageSettings settings;
  private final Clock clock;
  private final ConcurrentHashMap<Integer, StatusPage> cache = new ConcurrentHashMap<>();

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
    Instant now = clock.instant();
    StatusPage cached = cache.get(days);
    if (cached != null && now.isBefore(cached.generatedAt().plus(settings.refresh()))
        && !now.isBefore(cached.generatedAt())) {
      return cached;
    }
    StatusPage fresh =
        builder.build(
            now,
            days,
            store.routes(),
            store.readDays(PageBuilder.firstDay(now, days), PageBuilder.today(now)),
            store.readSince(now.minus(settings.currentWindow())));
    cache.put(days, fresh);
    return fresh;
  }

  /** Forgets cached pages, so the next request reads the store (after an API edit). */
  public void invalidate() {
    cache.clear();
  }
}
