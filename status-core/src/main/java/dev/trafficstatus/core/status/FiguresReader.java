package dev.trafficstatus.core.status;

import dev.trafficstatus.spi.RouteKey;
import dev.trafficstatus.spi.notice.Notice;
import dev.trafficstatus.spi.page.StatusPage;
import dev.trafficstatus.spi.store.DayBucket;
import dev.trafficstatus.spi.store.DayVersions;
import dev.trafficstatus.spi.store.Deploy;
import dev.trafficstatus.spi.store.InstanceStore;
import dev.trafficstatus.spi.store.NoticeStore;
import dev.trafficstatus.spi.store.RouteTally;
import dev.trafficstatus.spi.store.StatusStore;
import dev.trafficstatus.spi.store.StoredInstance;
import dev.trafficstatus.spi.store.Tally;
import dev.trafficstatus.spi.store.WindowTally;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads the figures of the longest window from the store, keeping the days of earlier figures that
 * did not change.
 *
 * <p>Most of a window is closed days, whose figures change only when an instance writes late (its
 * retry buffer after a database outage, say) and when maintenance rolls a late write up. A store
 * that keeps {@linkplain StatusStore#dayVersions day versions} says which days those are: a read
 * takes the versions first, keeps every day whose version is the one the earlier figures were read
 * under, and reads the other days (today, yesterday until it is rolled up, a day written to late)
 * in as many ranges as they form. With a store that keeps none, a read within {@link
 * PageSettings#historyRefresh()} of the last whole read asks for yesterday and today only and keeps
 * the older days it has; the whole window is read again after that.
 */
final class FiguresReader {

  private final StatusStore store;
  private final PageSettings settings;
  private final ObjectiveSource objectives;
  private final Duration forgetInstancesAfter;

  FiguresReader(
      StatusStore store,
      PageSettings settings,
      ObjectiveSource objectives,
      Duration forgetInstancesAfter) {
    this.store = Objects.requireNonNull(store, "store");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.objectives = Objects.requireNonNull(objectives, "objectives");
    this.forgetInstancesAfter = Objects.requireNonNull(forgetInstancesAfter, "forgetInstancesAfter");
  }

  /**
   * Reads the store.
   *
   * @param ticket the read's ticket
   * @param now the instant the read is for
   * @param kept earlier figures, whose unchanged days may be kept; null to read every day
   * @param historyValid whether, without day versions, the days before yesterday of {@code kept}
   *     may be kept until {@link PageSettings#historyRefresh()} is up (false after an invalidation)
   * @return the figures
   * @throws dev.trafficstatus.spi.store.StoreException when the store cannot be read
   */
  Figures read(long ticket, Instant now, Figures kept, boolean historyValid) {
    LocalDate first = PageBuilder.firstDay(now, settings.maxDays());
    LocalDate today = PageBuilder.today(now);
    Optional<NoticeStore> noticeStore = store.notices();
    // Before the days: a change that lands between the two shows as a new version next time.
    Optional<DayVersions> versions = store.dayVersions(first, today);
    List<DayBucket> dayBuckets;
    List<WindowTally> windowTallies;
    long historyTicket = ticket;
    Instant historyReadAt = now;
    if (versions.isPresent()) {
      dayBuckets = changedDaysRead(kept, versions.get(), first, today);
      // Few rows (a route-day per maintenance window), and not covered by the day versions.
      windowTallies = windowTallies(noticeStore, first, today);
    } else if (historyValid && historyStillGood(kept, first, now)) {
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
    // Both small: one row per instance heard from lately, one per version deployed in the window.
    Optional<InstanceStore> fleet = store.instances();
    List<StoredInstance> instances =
        fleet.map(f -> f.instances(now.minus(forgetInstancesAfter), InstanceStore.MAX_LISTED))
            .orElse(List.of());
    // To the end of today, not to now: a store keeps microseconds, so "now plus a nanosecond" was
    // now again, and a deploy at the very moment of the read fell out of the window.
    List<Deploy> deploys =
        fleet.map(f -> f.deploys(first.atStartOfDay(ZoneOffset.UTC).toInstant(),
                today.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()))
            .orElse(List.of());
    return new Figures(
        ticket,
        historyTicket,
        now,
        historyReadAt,
        store.routes(),
        dayBuckets,
        recentTallies,
        notices,
        windowTallies,
        versions.orElse(DayVersions.NONE),
        instances,
        deploys,
        objectives.read(now, notices));
  }

  /**
   * The days of {@code kept} whose version did not change, and the others read again, a range of
   * consecutive changed days per call.
   */
  private List<DayBucket> changedDaysRead(
      Figures kept, DayVersions versions, LocalDate first, LocalDate today) {
    DayVersions earlier = kept == null ? DayVersions.NONE : kept.versions();
    List<DayBucket> days = new ArrayList<>();
    if (kept != null) {
      for (DayBucket day : kept.dayBuckets()) {
        if (!day.day().isBefore(first)
            && !day.day().isAfter(today)
            && versions.unchangedSince(earlier, day.day())) {
          days.add(day);
        }
      }
    }
    LocalDate changedFrom = null;
    for (LocalDate day = first; !day.isAfter(today); day = day.plusDays(1)) {
      boolean unchanged = versions.unchangedSince(earlier, day);
      if (!unchanged && changedFrom == null) {
        changedFrom = day;
      } else if (unchanged && changedFrom != null) {
        days.addAll(store.readDays(changedFrom, day.minusDays(1)));
        changedFrom = null;
      }
    }
    if (changedFrom != null) {
      days.addAll(store.readDays(changedFrom, today));
    }
    return days;
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
