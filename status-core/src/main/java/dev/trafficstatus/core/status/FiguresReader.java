package dev.trafficstatus.core.status;

import dev.trafficstatus.spi.notice.Notice;
import dev.trafficstatus.spi.page.StatusPage;
import dev.trafficstatus.spi.store.DayBucket;
import dev.trafficstatus.spi.store.StatusStore;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

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
    List<DayBucket> dayBuckets;
    long historyTicket;
    Instant historyReadAt;
    if (historyStillGood(kept, first, now)) {
      LocalDate recentFrom = first.isAfter(today.minusDays(1)) ? first : today.minusDays(1);
      List<DayBucket> recentDays = store.readDays(recentFrom, today);
      dayBuckets = new ArrayList<>(kept.dayBuckets().size() + recentDays.size());
      for (DayBucket day : kept.dayBuckets()) {
        if (!day.day().isBefore(first) && day.day().isBefore(recentFrom)) {
          dayBuckets.add(day);
        }
      }
      dayBuckets.addAll(recentDays);
      historyTicket = kept.historyTicket();
      historyReadAt = kept.historyReadAt();
    } else {
      dayBuckets = store.readDays(first, today);
      historyTicket = ticket;
      historyReadAt = now;
    }
    return new Figures(
        ticket,
        historyTicket,
        now,
        historyReadAt,
        store.routes(),
        dayBuckets,
        store.readSince(now.minus(settings.currentWindow())),
        notices(now));
  }

  /** The notices a page tells about, when the store keeps them. */
  private List<Notice> notices(Instant now) {
    return store
        .notices()
        .map(kept -> kept.current(now.minus(Duration.ofDays(StatusPage.PAST_NOTICE_DAYS))))
        .orElse(List.of());
  }

  /** Whether the kept figures hold every closed day of the window, read recently enough. */
  private boolean historyStillGood(Figures kept, LocalDate first, Instant now) {
    return kept != null
        && !PageBuilder.firstDay(kept.readAt(), settings.maxDays()).isAfter(first)
        && !now.isBefore(kept.historyReadAt())
        && now.isBefore(kept.historyReadAt().plus(settings.historyRefresh()));
  }
}
