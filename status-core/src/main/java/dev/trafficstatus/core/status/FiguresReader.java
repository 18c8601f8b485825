package dev.trafficstatus.core.status;

import dev.trafficstatus.spi.RouteKey;
import dev.trafficstatus.spi.notice.Notice;
import dev.trafficstatus.spi.page.StatusPage;
import dev.trafficstatus.spi.store.DayBucket;
import dev.trafficstatus.spi.store.NoticeStore;
import dev.trafficstatus.spi.store.RouteTally;
import dev.trafficstatus.spi.store.StatusStore;
import dev.trafficstatus.spi.store.Tally;
import dev.trafficstatus.spi.store.WindowTally;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads the figures of the longest window from the store, whole or, between history reads, only
 * yesterday and today on top of the older days already read.
 *
 * <p>Most of a window is closed days, whose figures change only when an instance writes late (its
 * retry buffer after a database outage, say). So a read within {@link
 * PageSettings#historyRefresh()} of the last whole read asks the store for yesterday and today only
 * and keeps the older days it has.
 */
final class FiguresReader {

  private final StatusStore store;
  private final PageSettings settings;

  FiguresReader(StatusStore store, PageSettings settings) {
    this.store = Objects.requireNonNull(store, "store");
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  /**
   * Reads the store.
   *
   * @param ticket the read's ticket
   * @param now the instant the read is for
   * @param kept earlier figures whose days before yesterday may be kept; null to read them all
   * @return the figures
   * @throws dev.trafficstatus.spi.store.StoreException when the store cannot be read
   */
  Figures read(long ticket, Instant now, Figures kept) {
    LocalDate first = PageBuilder.firstDay(now, settings.maxDays());
    LocalDate today = PageBuilder.today(now);
    Optional<NoticeStore> noticeStore = store.notices();
    List<DayBucket> dayBuckets;
    List<WindowTally> windowTallies;
    long historyTicket;
    Instant historyReadAt;
    if (historyStillGood(kept, first, now)) {
      LocalDate recentFrom = first.isAfter(today.minusDays(1)) ? first : today.minusDays(1);
      dayBuckets = keptBefore(kept.dayBuckets(), first, recentFrom, DayBucket::day);
      dayBuckets.addAll(store.readDays(recentFrom, today));
      windowTallies = keptBefore(kept.windowTallies(), first, recentFrom, t -> t.bucket().day());
      windowTallies.addAll(windowTallies(noticeStore, recentFrom, today));
      historyTicket = kept.historyTicket();
      historyReadAt = kept.historyReadAt();
    } else {
      dayBuckets = store.readDays(first, today);
      windowTallies = windowTallies(noticeStore, first, today);
      historyTicket = ticket;
      historyReadAt = now;
    }
    List<Notice> notices =
        noticeStore
            .map(n -> n.current(now.minus(Duration.ofDays(StatusPage.PAST_NOTICE_DAYS))))
            .orElse(List.of());
    Map<RouteKey, Tally> recent =
        new RecentTallies(store)
            .read(now.minus(settings.currentWindow()), now, MaintenanceSpans.of(notices));
    List<RouteTally> recentTallies = new ArrayList<>(recent.size());
    recent.forEach((route, tally) -> recentTallies.add(new RouteTally(route, tally)));
    return new Figures(
        ticket,
        historyTicket,
        now,
        historyReadAt,
        store.routes(),
        dayBuckets,
        recentTallies,
        notices,
        windowTallies);
  }

  /** What maintenance windows held on some days, when the store keeps notices. */
  private static List<WindowTally> windowTallies(
      Optional<NoticeStore> notices, LocalDate first, LocalDate last) {
    return notices.map(n -> n.windowTallies(first, last)).orElse(List.of());
  }

  /** The kept entries of the days from {@code first} up to {@code before}, in a list to add to. */
  private static <T> List<T> keptBefore(
      List<T> kept, LocalDate first, LocalDate before, java.util.function.Function<T, LocalDate> day) {
    List<T> out = new ArrayList<>(kept.size() + 16);
    for (T entry : kept) {
      LocalDate d = day.apply(entry);
      if (!d.isBefore(first) && d.isBefore(before)) {
        out.add(entry);
      }
    }
    return out;
  }

  /** Whether the kept figures hold every closed day of the window, read recently enough. */
  private boolean historyStillGood(Figures kept, LocalDate first, Instant now) {
    return kept != null
        && !PageBuilder.firstDay(kept.readAt(), settings.maxDays()).isAfter(first)
        && !now.isBefore(kept.historyReadAt())
        && now.isBefore(kept.historyReadAt().plus(settings.historyRefresh()));
  }
}
