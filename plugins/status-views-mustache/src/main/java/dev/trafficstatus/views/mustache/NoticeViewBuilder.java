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

  /**
   * @param links where the pages are served
   * @param names the display names of the routes the page shows
   * @param zone the zone times are shown in
   * @param now when what is shown was read: how long open notices have lasted so far
   */
  NoticeViewBuilder(PageLinks links, Map<RouteKey, String> names, ZoneId zone, Instant now) {
    this.links = Objects.requireNonNull(links, "links");
    this.names = Map.copyOf(names);
    this.zone = Objects.requireNonNull(zone, "zone");
    this.now = Objects.requireNonNull(now, "now");
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
            name, state.state().label(), PageViewBuilder.token(state.state())));
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
        changes.add(name + ": " + change.before().label() + " → " + change.after().label());
      }
    }
    if (hidden > 0) {
      changes.add(Figures.counted(hidden, "other route") + " changed");
    }
    return new NoticeView.UpdateView(
        statusLabel(update.status()),
        runs,
        clipped,
        update.displayAt().truncatedTo(ChronoUnit.SECONDS).toString(),
        Figures.dateAndTime(update.displayAt(), zone),
        update.automatic() ? "Posted automatically from the traffic" : "",
        changes);
  }

  /** The notice's times in words: when it began, ended, and how long it lasted. */
  String when(Notice notice) {
    if (notice.kind() == NoticeKind.MAINTENANCE) {
      return maintenanceWhen(notice);
    }
    StringBuilder text = new StringBuilder("Began ").append(Figures.dateAndTime(notice.startedAt(), zone));
    if (notice.resolvedAt() != null) {
      text.append(SEPARATOR).append("resolved ").append(sameDayTime(notice.startedAt(), notice.resolvedAt()))
          .append(SEPARATOR).append("lasted ").append(lasted(notice.startedAt(), notice.resolvedAt()));
    } else {
      text.append(SEPARATOR).append("ongoing for ").append(lasted(notice.startedAt(), now));
    }
    return text.toString();
  }

  private String maintenanceWhen(Notice notice) {
    String window = Figures.dateAndTime(notice.scheduledFor(), zone) + " to "
        + sameDayTime(notice.scheduledFor(), notice.scheduledUntil());
    return switch (notice.status()) {
      case SCHEDULED -> "Scheduled for " + window;
      case IN_PROGRESS, VERIFYING -> "In progress since "
          + Figures.dateAndTime(notice.startedAt(), zone) + SEPARATOR + "planned until "
          + sameDayTime(notice.startedAt(), notice.scheduledUntil());
      case COMPLETED -> notice.resolvedAt().isAfter(notice.startedAt())
          ? "Took place " + Figures.dateAndTime(notice.startedAt(), zone) + " to "
              + sameDayTime(notice.startedAt(), notice.resolvedAt()) + SEPARATOR + "took "
              + lasted(notice.startedAt(), notice.resolvedAt())
          : "Cancelled; it was scheduled for " + window;
      case INVESTIGATING, IDENTIFIED, MONITORING, RESOLVED, POSTMORTEM ->
          throw new IllegalStateException("a maintenance in incident status " + notice.status());
    };
  }

  /** The end of a span: its time alone on the day it began, else with its date. */
  private String sameDayTime(Instant start, Instant end) {
    LocalDate first = LocalDate.ofInstant(start, zone);
    return LocalDate.ofInstant(end, zone).equals(first)
        ? Figures.time(end, zone)
        : Figures.dateAndTime(end, zone);
  }

  private static String lasted(Instant from, Instant to) {
    return Figures.duration(to.isAfter(from) ? Duration.between(from, to) : Duration.ZERO);
  }

  private static String affectedText(Notice notice, List<NoticeView.AffectedRoute> named, int others) {
    if (notice.affected().isEmpty()) {
      return "Affects the whole service";
    }
    List<String> parts = new ArrayList<>(named.size() + 1);
    named.forEach(route -> parts.add(route.name()));
    if (others > 0) {
      parts.add(Figures.counted(others, named.isEmpty() ? "route" : "other route"));
    }
    if (parts.size() == 1) {
      return "Affects " + parts.get(0);
    }
    return "Affects " + String.join(", ", parts.subList(0, parts.size() - 1)) + " and "
        + parts.get(parts.size() - 1);
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

  private static String impactLabel(Notice notice) {
    if (notice.kind() == NoticeKind.MAINTENANCE) {
      return "Planned maintenance";
    }
    return switch (notice.impact()) {
      case NONE -> "Incident without impact";
      case MINOR -> "Minor incident";
      case MAJOR -> "Major incident";
      case CRITICAL -> "Critical incident";
      case MAINTENANCE -> "Planned maintenance";
    };
  }

  /**
   * A status in words.
   *
   * @param status the status
   * @return such as "In progress"
   */
  static String statusLabel(NoticeStatus status) {
    return switch (status) {
      case INVESTIGATING -> "Investigating";
      case IDENTIFIED -> "Identified";
      case MONITORING -> "Monitoring";
      case RESOLVED -> "Resolved";
      case POSTMORTEM -> "Postmortem";
      case SCHEDULED -> "Scheduled";
      case IN_PROGRESS -> "In progress";
      case VERIFYING -> "Verifying";
      case COMPLETED -> "Completed";
    };
  }
}
