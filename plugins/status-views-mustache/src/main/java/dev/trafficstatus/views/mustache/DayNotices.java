package dev.trafficstatus.views.mustache;

import dev.trafficstatus.spi.RouteKey;
import dev.trafficstatus.spi.notice.Notice;
import dev.trafficstatus.spi.notice.NoticeKind;
import dev.trafficstatus.spi.notice.NoticeStatus;
import dev.trafficstatus.spi.notice.RouteState;
import dev.trafficstatus.spi.page.StatusPage;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which notices touched which square: a notice names itself on every UTC day from its start to its
 * end (or now, while open), on the squares of the routes it affects (every route when it names
 * none). Built once per render, so each square costs one or two look-ups.
 */
final class DayNotices {

  /** Names listed per square at most; more are counted. */
  static final int MAX_NAMED = 3;

  private static final String SEPARATOR = " · ";

  private final Map<LocalDate, List<String>> everywhere = new HashMap<>();
  private final Map<RouteKey, Map<LocalDate, List<String>>> byRoute = new HashMap<>();
  private final Words words;

  private DayNotices(Words words) {
    this.words = words;
  }

  /**
   * Indexes a page's notices by the squares they touch.
   *
   * @param page the page
   * @param words the texts of the page's language
   * @return the index
   */
  static DayNotices of(StatusPage page, Words words) {
    DayNotices index = new DayNotices(words);
    for (Notice notice : page.notices()) {
      if (notice.status() == NoticeStatus.SCHEDULED) {
        continue;
      }
      Instant end = notice.resolvedAt() != null ? notice.resolvedAt() : page.generatedAt();
      if (end.isBefore(notice.startedAt())) {
        // A maintenance cancelled before its window began touched no day.
        continue;
      }
      LocalDate first = max(LocalDate.ofInstant(notice.startedAt(), ZoneOffset.UTC), page.firstDay());
      LocalDate last = min(LocalDate.ofInstant(end, ZoneOffset.UTC), page.lastDay());
      String label = words.format(notice.kind() == NoticeKind.INCIDENT ? "day_incident" : "day_maintenance",
          Figures.isolated(notice.name()));
      for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
        if (notice.affected().isEmpty()) {
          index.everywhere.computeIfAbsent(day, d -> new ArrayList<>()).add(label);
        }
        for (RouteState route : notice.affected()) {
          index.byRoute.computeIfAbsent(route.route(), r -> new HashMap<>())
              .computeIfAbsent(day, d -> new ArrayList<>()).add(label);
        }
      }
    }
    return index;
  }

  /**
   * The text a square's tooltip adds for the notices of its day.
   *
   * @param route the square's route
   * @param day the square's UTC day
   * @return such as {@code " · Incident: Checkout failing"}; empty when none touched it
   */
  String suffix(RouteKey route, LocalDate day) {
    List<String> all = everywhere.getOrDefault(day, List.of());
    Map<LocalDate, List<String>> own = byRoute.get(route);
    List<String> mine = own == null ? List.of() : own.getOrDefault(day, List.of());
    if (all.isEmpty() && mine.isEmpty()) {
      return "";
    }
    List<String> labels = new ArrayList<>(mine);
    labels.addAll(all);
    return suffix(labels);
  }

  /**
   * The text a week's square adds for the notices of its days: each notice once, in the order of
   * the days it touched first.
   *
   * @param route the square's route
   * @param first the week's first day in the window
   * @param last the week's last day in the window
   * @return such as {@code " · Incident: Checkout failing"}; empty when none touched it
   */
  String suffix(RouteKey route, LocalDate first, LocalDate last) {
    Set<String> labels = new LinkedHashSet<>();
    Map<LocalDate, List<String>> own = byRoute.getOrDefault(route, Map.of());
    for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
      labels.addAll(own.getOrDefault(day, List.of()));
      labels.addAll(everywhere.getOrDefault(day, List.of()));
    }
    return labels.isEmpty() ? "" : suffix(List.copyOf(labels));
  }

  private String suffix(List<String> labels) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < Math.min(MAX_NAMED, labels.size()); i++) {
      text.append(SEPARATOR).append(labels.get(i));
    }
    if (labels.size() > MAX_NAMED) {
      text.append(SEPARATOR).append(words.format("and_more", words.count(labels.size() - MAX_NAMED)));
    }
    return text.toString();
  }

  private static LocalDate max(LocalDate a, LocalDate b) {
    return a.isAfter(b) ? a : b;
  }

  private static LocalDate min(LocalDate a, LocalDate b) {
    return a.isBefore(b) ? a : b;
  }
}
