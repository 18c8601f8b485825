package dev.trafficstatus.views.mustache;

import dev.trafficstatus.spi.RouteKey;
import dev.trafficstatus.spi.notice.Notice;
import dev.trafficstatus.spi.notice.NoticeKind;
import dev.trafficstatus.spi.notice.NoticeStatus;
import dev.trafficstatus.spi.notice.RouteState;
import dev.trafficstatus.spi.page.StatusPage;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How long each route was under maintenance within the page's window, from the maintenances the
 * page knows (open ones and those closed in its past-notice days); windows that overlap count
 * once. Built once per render.
 */
final class MaintenanceTime {

  private record Span(Instant from, Instant to) {}

  private final List<Span> everywhere = new ArrayList<>();
  private final Map<RouteKey, List<Span>> byRoute = new HashMap<>();

  private MaintenanceTime() {}

  /**
   * Collects the maintenance windows of a page that fall in its window.
   *
   * @param page the page
   * @return the index
   */
  static MaintenanceTime of(StatusPage page) {
    MaintenanceTime index = new MaintenanceTime();
    Instant windowStart = page.firstDay().atStartOfDay(ZoneOffset.UTC).toInstant();
    for (Notice notice : page.notices()) {
      if (notice.kind() != NoticeKind.MAINTENANCE || notice.status() == NoticeStatus.SCHEDULED) {
        continue;
      }
      Instant from = notice.startedAt().isBefore(windowStart) ? windowStart : notice.startedAt();
      Instant end = notice.resolvedAt() != null ? notice.resolvedAt() : page.generatedAt();
      Instant to = end.isAfter(page.generatedAt()) ? page.generatedAt() : end;
      if (!to.isAfter(from)) {
        continue;
      }
      Span span = new Span(from, to);
      if (notice.affected().isEmpty()) {
        index.everywhere.add(span);
      }
      for (RouteState route : notice.affected()) {
        index.byRoute.computeIfAbsent(route.route(), r -> new ArrayList<>()).add(span);
      }
    }
    return index;
  }

  /**
   * The time a route spent under maintenance within the window.
   *
   * @param route the route
   * @return the total, overlapping windows counted once; zero when none
   */
  Duration of(RouteKey route) {
    List<Span> spans = new ArrayList<>(everywhere);
    spans.addAll(byRoute.getOrDefault(route, List.of()));
    if (spans.isEmpty()) {
      return Duration.ZERO;
    }
    spans.sort(Comparator.comparing(Span::from));
    Duration total = Duration.ZERO;
    Instant coveredTo = Instant.MIN;
    for (Span span : spans) {
      Instant from = span.from().isAfter(coveredTo) ? span.from() : coveredTo;
      if (span.to().isAfter(from)) {
        total = total.plus(Duration.between(from, span.to()));
        coveredTo = span.to();
      }
    }
    return total;
  }
}
