package dev.trafficstatus.views.mustache;

import dev.trafficstatus.spi.notice.Notice;
import dev.trafficstatus.spi.notice.NoticeKind;
import dev.trafficstatus.spi.notice.NoticeStatus;
import dev.trafficstatus.spi.page.PageLinks;
import dev.trafficstatus.spi.page.StatusPage;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The status page's notices, in Statuspage's layout: open incidents under the headline, planned
 * work in progress and coming in the next days, and past incidents by day, quiet days included.
 *
 * @param active open incidents, newest first
 * @param inProgress maintenances in progress (or being verified), newest first
 * @param upcoming maintenances scheduled to begin within {@value #UPCOMING_DAYS} days, soonest first
 * @param past the last {@value StatusPage#PAST_NOTICE_DAYS} days in the page's zone, today first
 * @param historyHref the history page
 * @param atomHref the Atom feed
 * @param rssHref the RSS feed
 */
record NoticeSections(
    List<NoticeView> active,
    List<NoticeView> inProgress,
    List<NoticeView> upcoming,
    List<PastDay> past,
    String historyHref,
    String atomHref,
    String rssHref) {

  /** How far ahead planned maintenance is announced on the page. */
  static final int UPCOMING_DAYS = 7;

  NoticeSections {
    active = List.copyOf(active);
    inProgress = List.copyOf(inProgress);
    upcoming = List.copyOf(upcoming);
    past = List.copyOf(past);
    Objects.requireNonNull(historyHref, "historyHref");
    Objects.requireNonNull(atomHref, "atomHref");
    Objects.requireNonNull(rssHref, "rssHref");
  }

  /** Whether any incident is open. */
  boolean hasActive() {
    return !active.isEmpty();
  }

  /** Whether any maintenance is in progress. */
  boolean hasInProgress() {
    return !inProgress.isEmpty();
  }

  /** Whether any maintenance is coming. */
  boolean hasUpcoming() {
    return !upcoming.isEmpty();
  }

  /**
   * One day of the past incidents.
   *
   * @param label the day as a heading, such as "Monday, 30 June 2025"
   * @param iso the day, ISO-8601, for {@code <time datetime>}
   * @param entries what began that day (or ended, when it began before the days shown)
   */
  record PastDay(String label, String iso, List<NoticeView> entries) {

    PastDay {
      Objects.requireNonNull(label, "label");
      Objects.requireNonNull(iso, "iso");
      entries = List.copyOf(entries);
    }

    /** Whether nothing happened that day. */
    boolean quiet() {
      return entries.isEmpty();
    }
  }

  /**
   * Sorts a page's notices into its sections.
   *
   * @param page the page
   * @param links where the pages are served
   * @param words the texts of the page's language
   * @return the sections
   */
  static NoticeSections of(StatusPage page, PageLinks links, Words words) {
    NoticeViewBuilder views =
        new NoticeViewBuilder(links, page.routeNames(), page.zone(), page.generatedAt(), words);
    Instant horizon = page.generatedAt().plus(Duration.ofDays(UPCOMING_DAYS));
    LocalDate today = LocalDate.ofInstant(page.generatedAt(), page.zone());
    LocalDate oldest = today.minusDays(StatusPage.PAST_NOTICE_DAYS - 1L);
    Map<LocalDate, List<NoticeView>> byDay = new LinkedHashMap<>();
    for (LocalDate day = today; !day.isBefore(oldest); day = day.minusDays(1)) {
      byDay.put(day, new ArrayList<>());
    }
    List<NoticeView> active = new ArrayList<>();
    List<NoticeView> inProgress = new ArrayList<>();
    List<Notice> upcoming = new ArrayList<>();
    for (Notice notice : page.notices()) {
      if (notice.status() == NoticeStatus.SCHEDULED) {
        if (notice.scheduledFor().isBefore(horizon)) {
          upcoming.add(notice);
        }
        continue;
      }
      if (notice.isOpen() && notice.kind() == NoticeKind.INCIDENT) {
        active.add(views.summary(notice));
      } else if (notice.isOpen()) {
        inProgress.add(views.summary(notice));
      }
      LocalDate day = LocalDate.ofInstant(notice.startedAt(), page.zone());
      if (day.isBefore(oldest) && notice.resolvedAt() != null) {
        day = LocalDate.ofInstant(notice.resolvedAt(), page.zone());
      }
      List<NoticeView> listed = byDay.get(day);
      if (listed != null) {
        listed.add(views.timeline(notice, true));
      }
    }
    upcoming.sort(Comparator.comparing(Notice::scheduledFor));
    List<PastDay> past = new ArrayList<>(byDay.size());
    byDay.forEach((day, notices) -> past.add(new PastDay(words.day(day), day.toString(), notices)));
    return new NoticeSections(
        active,
        inProgress,
        upcoming.stream().map(views::summary).toList(),
        past,
        links.history(),
        links.atomFeed(),
        links.rssFeed());
  }
}
