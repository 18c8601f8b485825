package dev.trafficstatus.core.status;

import dev.trafficstatus.spi.notice.Notice;
import dev.trafficstatus.spi.page.StatusPage;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The figures a page request gets: those last read, at once, whatever the store is doing. Pages of
 * any window are cut from them without touching the store.
 *
 * <p>Before anything was read since start the snapshot is {@linkplain #available() unavailable}.
 * Afterwards it is {@linkplain #stale() stale} while reading again fails or does not finish within
 * a refresh interval; its figures are then the last ones read, as of {@link #readAt()}.
 */
public final class PageSnapshot {

  private final Figures figures;
  private final boolean stale;
  private final PageBuilder builder;
  private final PageSettings settings;

  PageSnapshot(Figures figures, boolean stale, PageBuilder builder, PageSettings settings) {
    this.figures = figures;
    this.stale = stale && figures != null;
    this.builder = builder;
    this.settings = settings;
  }

  /**
   * Whether any figures were read since start.
   *
   * @return false until the first read succeeded
   */
  public boolean available() {
    return figures != null;
  }

  /**
   * Tells one set of figures from another: a higher number means figures read later. Pages of one
   * generation and staleness are the same whenever they are cut, so their renders may be kept.
   *
   * @return the generation, 0 while unavailable
   */
  public long generation() {
    return figures == null ? 0 : figures.ticket();
  }

  /**
   * When the figures were read.
   *
   * @return the instant, or empty while unavailable
   */
  public Optional<Instant> readAt() {
    return figures == null ? Optional.empty() : Optional.of(figures.readAt());
  }

  /**
   * Until when the figures are current: a refresh interval after they were read. Later requests
   * start a read in the background and get these figures meanwhile.
   *
   * @return the instant, or empty while unavailable
   */
  public Optional<Instant> freshUntil() {
    return readAt().map(read -> read.plus(settings.refresh()));
  }

  /**
   * One number for what is built from this snapshot: it grows with the {@linkplain #generation()
   * generation} and tells a stale snapshot from a fresh one of the same figures, so renders kept
   * under it are current exactly while it stays the same.
   *
   * @return the generation and the staleness in one number
   */
  public long version() {
    return generation() * 2 + (stale ? 1 : 0);
  }

  /**
   * Whether reading the figures again failed, or has not finished within a refresh interval.
   *
   * @return true when the figures are the last ones read of a store that cannot be read now
   */
  public boolean stale() {
    return stale;
  }

  /**
   * The notices read with the figures: every open one and those closed within the page's
   * past-notice days, newest start first. Cheaper than a page when only they are wanted.
   *
   * @return the notices; empty while unavailable
   */
  public List<Notice> notices() {
    return figures == null ? List.of() : figures.notices();
  }

  /**
   * The page of a window, cut from the figures; touches no store.
   *
   * @param days the window, from 1 to the configured maximum
   * @return the page
   * @throws IllegalArgumentException when the window is out of bounds
   * @throws IllegalStateException while unavailable
   */
  public StatusPage page(int days) {
    if (days < 1 || days > settings.maxDays()) {
      throw new IllegalArgumentException(
          "days must be between 1 and " + settings.maxDays() + ", got " + days);
    }
    if (figures == null) {
      throw new IllegalStateException("no figures were read since start");
    }
    return builder.build(
        figures.readAt(),
        days,
        figures.routes(),
        figures.dayBuckets(),
        figures.recent(),
        stale,
        figures.notices(),
        figures.windowTallies(),
        figures.instances(),
        figures.deploys()).withObjectives(figures.objectives());
  }
}
