package dev.trafficstatus.core.status;

import dev.trafficstatus.spi.RouteKey;
import dev.trafficstatus.spi.notice.Notice;
import dev.trafficstatus.spi.notice.NoticeKind;
import dev.trafficstatus.spi.notice.NoticeStatus;
import dev.trafficstatus.spi.notice.RouteState;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The stretches of time maintenance windows took out of the traffic, per route, read from the
 * notices: what the page leaves out of uptime and a route's current state, and what the evaluator
 * neither judges nor tallies twice.
 *
 * <p>A maintenance takes out the whole minutes its window touches, in UTC: a window from 02:00 to
 * 02:30 takes out the minutes 02:00 to 02:29. It takes them out once it has begun (in progress,
 * verifying or completed), up to its scheduled end, or up to when it was completed if that was
 * earlier (a person ended it early); a maintenance cancelled before its start takes out nothing.
 * A maintenance that names no routes takes out every route.
 */
public final class MaintenanceSpans {

  /**
   * One maintenance's stretch of time.
   *
   * @param noticeId the maintenance's id
   * @param start the first minute taken out
   * @param end the minute after the last one taken out
   * @param routes the routes taken out; empty for every route
   * @param inProgress whether the maintenance says it is running now (in progress or verifying)
   */
  public record Span(String noticeId, Instant start, Instant end, Set<RouteKey> routes, boolean inProgress) {

    /** Checks the parts and copies the routes. */
    public Span {
      Objects.requireNonNull(noticeId, "noticeId");
      Objects.requireNonNull(start, "start");
      Objects.requireNonNull(end, "end");
      routes = Set.copyOf(routes);
      if (!end.isAfter(start)) {
        throw new IllegalArgumentException("a span ends after it starts");
      }
    }

    /**
     * Whether it takes out a route.
     *
     * @param route the route
     * @return true when the maintenance names it or names no route
     */
    public boolean covers(RouteKey route) {
      return routes.isEmpty() || routes.contains(route);
    }

    /**
     * Whether it overlaps a stretch of time.
     *
     * @param from the start, inclusive
     * @param to the end, exclusive
     * @return true when some minute of it lies in {@code [from, to)}
     */
    public boolean overlaps(Instant from, Instant to) {
      return start.isBefore(to) && from.isBefore(end);
    }
  }

  /** The notice order of attribution: the earliest start first, then the smallest id. */
  public static final Comparator<Span> EARLIEST_FIRST =
      Comparator.comparing(Span::start).thenComparing(Span::noticeId);

  private final List<Span> spans;

  private MaintenanceSpans(List<Span> spans) {
    this.spans = List.copyOf(spans);
  }

  /**
   * The spans of the maintenances among some notices.
   *
   * @param notices incidents and maintenances; incidents are skipped
   * @return the spans, earliest first
   */
  public static MaintenanceSpans of(List<Notice> notices) {
    List<Span> spans = new ArrayList<>();
    for (Notice notice : notices) {
      span(notice).ifPresent(spans::add);
    }
    spans.sort(EARLIEST_FIRST);
    return new MaintenanceSpans(spans);
  }

  /**
   * The span of one maintenance.
   *
   * @param notice the notice
   * @return its span, or empty for an incident, a maintenance not begun, or one cancelled before
   *     its start
   */
  public static Optional<Span> span(Notice notice) {
    if (notice.kind() != NoticeKind.MAINTENANCE || notice.status() == NoticeStatus.SCHEDULED) {
      return Optional.empty();
    }
    Instant until = notice.scheduledUntil();
    if (!notice.isOpen() && notice.resolvedAt().isBefore(until)) {
      until = notice.resolvedAt();
    }
    Instant start = notice.scheduledFor().truncatedTo(ChronoUnit.MINUTES);
    Instant end = ceilingMinute(until);
    if (!end.isAfter(start)) {
      return Optional.empty();
    }
    Set<RouteKey> routes = new HashSet<>();
    for (RouteState state : notice.affected()) {
      routes.add(state.route());
    }
    boolean running =
        notice.status() == NoticeStatus.IN_PROGRESS || notice.status() == NoticeStatus.VERIFYING;
    return Optional.of(new Span(notice.id(), start, end, routes, running));
  }

  /**
   * The start of the minute after an instant, or the instant itself when it starts a minute.
   *
   * @param instant the instant
   * @return the minute boundary at or after it
   */
  public static Instant ceilingMinute(Instant instant) {
    Instant floor = instant.truncatedTo(ChronoUnit.MINUTES);
    return floor.equals(instant) ? floor : floor.plus(1, ChronoUnit.MINUTES);
  }

  /**
   * Every span, earliest first.
   *
   * @return the spans
   */
  public List<Span> all() {
    return spans;
  }

  /**
   * Whether a maintenance that affects a route says it is running now: the route's card then
   * shows it under maintenance.
   *
   * @param route the route
   * @return true when an in-progress (or verifying) maintenance covers it
   */
  public boolean inProgress(RouteKey route) {
    for (Span span : spans) {
      if (span.inProgress() && span.covers(route)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether any maintenance says it is running now.
   *
   * @return true when one is in progress or verifying
   */
  public boolean anyInProgress() {
    return spans.stream().anyMatch(Span::inProgress);
  }

  /**
   * The end of the latest span of a route that ends after a moment: the route's traffic is judged
   * from there on, not from before.
   *
   * @param route the route
   * @param after the moment
   * @return the latest end after it, or empty when no span of the route ends after it
   */
  public Optional<Instant> latestEndAfter(RouteKey route, Instant after) {
    Instant latest = null;
    for (Span span : spans) {
      if (span.covers(route) && span.end().isAfter(after)
          && (latest == null || span.end().isAfter(latest))) {
        latest = span.end();
      }
    }
    return Optional.ofNullable(latest);
  }
}
