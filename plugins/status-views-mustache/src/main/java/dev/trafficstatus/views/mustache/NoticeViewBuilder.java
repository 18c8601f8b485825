package dev.trafficstatus.views.mustache;

import dev.trafficstatus.spi.PlainText;
import dev.trafficstatus.spi.RouteKey;
import dev.trafficstatus.spi.notice.Impact;
import dev.trafficstatus.spi.notice.Notice;
import dev.trafficstatus.spi.notice.NoticeKind;
import dev.trafficstatus.spi.notice.NoticeStatus;
import dev.trafficstatus.spi.notice.NoticeUpdate;
import dev.trafficstatus.spi.notice.RouteState;
import dev.trafficstatus.spi.notice.StateChange;
import dev.trafficstatus.spi.page.PageLinks;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Words notices for people: impacts and statuses in words, times in the page's zone, bodies as
 * text and link runs, affected routes by name. Routes the page does not show are counted, never
 * named. One per render; immutable.
 */
final class NoticeViewBuilder {

  /** How much of a body summary views show, in characters; the notice's own page shows it all. */
  static final int SUMMARY_BODY_LENGTH = 600;

  private static final String SEPARATOR = " · ";

  private final PageLinks links;
  private final Map<RouteKey, String> names;
  private final ZoneId zone;
  private final Instant now;
  private final Words words;

  /**
   * @param links where the pages are served
   * @param names the display names of the routes the page shows
   * @param zone the zone times are shown in
   * @param now when what is shown was read: how long open notices have lasted so far
   * @param words the texts of the page's language
   */
  NoticeViewBuilder(PageLinks links, Map<RouteKey, String> names, ZoneId zone, Instant now, Words words) {
    this.links = Objects.requireNonNull(links, "links");
    this.names = Map.copyOf(names);
    this.zone = Objects.requireNonNull(zone, "zone");
    this.now = Objects.requireNonNull(now, "now");
    this.words = Objects.requireNonNull(words, "words");
  }

  /**
   * A notice with its latest update only, its body cut short: for the status page and the history.
   *
   * @param notice the notice
   * @return the view
   */
  NoticeView summary(Notice notice) {
    NoticeView.UpdateView latest =
        notice.updates().isEmpty() ? null : update(notice.updates().get(0), true);
    return view(notice, latest == null ? List.of() : List.of(latest), latest);
  }

  /**
   * A notice with its whole timeline: for its own page (bodies whole) and the past incidents.
   *
   * @param notice the notice
   * @param clip whether bodies are cut short (summary views) or shown whole
   * @return the view
   */
  NoticeView timeline(Notice notice, boolean clip) {
    List<NoticeView.UpdateView> updates = new ArrayList<>(notice.updates().size());
    for (NoticeUpdate update : notice.updates()) {
      updates.add(update(update, clip));
    }
    return view(notice, updates, updates.isEmpty() ? null : updates.get(0));
  }

  private NoticeView view(Notice notice, List<NoticeView.UpdateView> updates, NoticeView.UpdateView latest) {
    List<NoticeView.AffectedRoute> named = new ArrayList<>();
    int others = 0;
    for (RouteState state : notice.affected()) {
      String name = names.get(state.route());
      if (name == null) {
        others++;
      } else {
        named.add(new NoticeView.AffectedRoute(
            name, words.state(state.state()), PageViewBuilder.token(state.state())));
      }
    }
    return new NoticeView(
        notice.name(),
        links.notice(notice.id()),
        notice.kind() == NoticeKind.INCIDENT ? "incident" : "maintenance",
        impactToken(notice.impact()),
        impactLabel(notice),
        statusLabel(notice.status()),
        notice.isOpen(),
        when(notice),
        affectedText(notice, named, others),
        named,
        updates,
        latest);
  }

  private NoticeView.UpdateView update(NoticeUpdate update, boolean clip) {
    String body = update.body().strip();
    boolean clipped = clip && body.codePointCount(0, body.length()) > SUMMARY_BODY_LENGTH;
    if (clipped) {
      body = body.substring(0, body.offsetByCodePoints(0, SUMMARY_BODY_LENGTH)).stripTrailing() + "…";
    }
    List<NoticeView.Run> runs = new ArrayList<>();
    for (PlainText.Run run : PlainText.withLinks(body)) {
      runs.add(new NoticeView.Run(run.text(), run.link()));
    }
    List<String> changes = new ArrayList<>();
    int hidden = 0;
    for (StateChange change : update.changes()) {
      String name = names.get(change.route());
      if (name == null) {
        hidden++;
      } else {
        changes.add(name + ": " + words.state(change.before()) + " → " + words.state(change.after()));
      }
    }
    if (hidden > 0) {
      changes.add(words.format(hidden == 1 ? "hidden_changed_one" : "hidden_changed_other",
          words.count(hidden)));
    }
    return new NoticeView.UpdateView(
        statusLabel(update.status()),
        runs,
        clipped,
        update.displayAt().truncatedTo(ChronoUnit.SECONDS).toString(),
        words.dateAndTime(update.displayAt(), zone),
        update.automatic() ? words.text("posted_automatically") : "",
        changes);
  }

  /** The notice's times in words: when it began, ended, and how long it lasted. */
  String when(Notice notice) {
    if (notice.kind() == NoticeKind.MAINTENANCE) {
      return maintenanceWhen(notice);
    }
    String began = words.format("began", words.dateAndTime(notice.startedAt(), zone));
    if (notice.resolvedAt() != null) {
      return began + SEPARATOR
          + words.format("resolved_at", sameDayTime(notice.startedAt(), notice.resolvedAt()))
          + SEPARATOR + words.format("lasted", lasted(notice.startedAt(), notice.resolvedAt()));
    }
    return began + SEPARATOR + words.format("ongoing_for", lasted(notice.startedAt(), now));
  }

  private String maintenanceWhen(Notice notice) {
    String window = words.format("span", words.dateAndTime(notice.scheduledFor(), zone),
        sameDayTime(notice.scheduledFor(), notice.scheduledUntil()));
    return switch (notice.status()) {
      case SCHEDULED -> words.format("scheduled_for", window);
      case IN_PROGRESS, VERIFYING -> words.format("in_progress_since",
          words.dateAndTime(notice.startedAt(), zone)) + SEPARATOR
          + words.format("planned_until", sameDayTime(notice.startedAt(), notice.scheduledUntil()));
      case COMPLETED -> notice.resolvedAt().isAfter(notice.startedAt())
          ? words.format("took_place", words.format("span", words.dateAndTime(notice.startedAt(), zone),
              sameDayTime(notice.startedAt(), notice.resolvedAt())))
              + SEPARATOR + words.format("took", lasted(notice.startedAt(), notice.resolvedAt()))
          : words.format("cancelled", window);
      case INVESTIGATING, IDENTIFIED, MONITORING, RESOLVED, POSTMORTEM ->
          throw new IllegalStateException("a maintenance in incident status " + notice.status());
    };
  }

  /** The end of a span: its time alone on the day it began, else with its date. */
  private String sameDayTime(Instant start, Instant end) {
    LocalDate first = LocalDate.ofInstant(start, zone);
    return LocalDate.ofInstant(end, zone).equals(first)
        ? Figures.time(end, zone)
        : words.dateAndTime(end, zone);
  }

  private String lasted(Instant from, Instant to) {
    return words.duration(to.isAfter(from) ? Duration.between(from, to) : Duration.ZERO);
  }

  private String affectedText(Notice notice, List<NoticeView.AffectedRoute> named, int others) {
    if (notice.affected().isEmpty()) {
      return words.text("affects_everything");
    }
    List<String> parts = new ArrayList<>(named.size() + 1);
    named.forEach(route -> parts.add(route.name()));
    if (others > 0) {
      parts.add(words.counted(others, named.isEmpty() ? "route" : "other_route"));
    }
    return words.format("affects", words.list(parts));
  }

  /**
   * The CSS token of an impact.
   *
   * @param impact the impact
   * @return such as {@code major}
   */
  static String impactToken(Impact impact) {
    return switch (impact) {
      case NONE -> "none";
      case MINOR -> "minor";
      case MAJOR -> "major";
      case CRITICAL -> "critical";
      case MAINTENANCE -> "maintenance";
    };
  }

  private String impactLabel(Notice notice) {
    if (notice.kind() == NoticeKind.MAINTENANCE) {
      return words.text("impact_maintenance");
    }
    return words.text("impact_" + impactToken(notice.impact()));
  }

  /**
   * A status in words.
   *
   * @param status the status
   * @return such as "In progress"
   */
  String statusLabel(NoticeStatus status) {
    return words.text("status_" + statusToken(status));
  }

  private static String statusToken(NoticeStatus status) {
    return switch (status) {
      case INVESTIGATING -> "investigating";
      case IDENTIFIED -> "identified";
      case MONITORING -> "monitoring";
      case RESOLVED -> "resolved";
      case POSTMORTEM -> "postmortem";
      case SCHEDULED -> "scheduled";
      case IN_PROGRESS -> "in_progress";
      case VERIFYING -> "verifying";
      case COMPLETED -> "completed";
    };
  }
}
