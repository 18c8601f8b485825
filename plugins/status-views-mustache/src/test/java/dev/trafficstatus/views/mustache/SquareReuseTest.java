package dev.trafficstatus.views.mustache;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trafficstatus.spi.Health;
import dev.trafficstatus.spi.page.DayStatus;
import dev.trafficstatus.spi.page.PageRenderer;
import dev.trafficstatus.spi.page.RenderOptions;
import dev.trafficstatus.spi.page.RouteGroup;
import dev.trafficstatus.spi.page.RouteStatus;
import dev.trafficstatus.spi.page.StatusPage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A renderer keeps the squares it wrote and writes again only those whose figures or words changed
 * (issue 23): whatever it rendered before, a page reads exactly as a fresh renderer writes it.
 */
class SquareReuseTest {

  private static final Locale SPANISH = Locale.forLanguageTag("es");

  /** The card as the built-in template wrote it before squares were kept: it iterates {@code days}. */
  private static final String CARD_WRITING_ITS_SQUARES = """
      <article class="card">
      <header class="card-head">
      <h3 class="route-name">{{name}}</h3>
      <span class="pill state-{{state}}"><span class="visually-hidden">{{t.current_status}} </span>{{stateLabel}}</span>
      </header>
      <p class="rule"><code>{{rule}}</code></p>
      {{#hasDoc}}
      <p class="doc">{{doc}}</p>
      {{/hasDoc}}
      <ol class="days density-{{density}}" aria-label="{{daysLabel}}">
      {{#days}}
      <li class="day state-{{state}}{{#deployed}} deployed{{/deployed}}" title="{{tip}}"></li>
      {{/days}}
      </ol>
      <p class="axis"><span class="axis-start">{{firstDay}}</span><span class="uptime">{{uptimeText}}</span><span class="axis-end">{{lastDay}}</span></p>
      <p class="totals">{{totals}}</p>
      {{#objectives}}
      {{> objective.mustache}}
      {{/objectives}}
      </article>
      """;

  @TempDir Path folder;

  private final PageRenderer kept = PageFixtures.renderer();

  @Test
  void aClosedDayChangedByALateWriteShowsItsNewFiguresWhenTheOtherSquaresAreReused() {
    StatusPage before = PageFixtures.seeded();
    String first = render(kept, before, Locale.ENGLISH);
    // An instance back from an outage wrote failures into a day two months back.
    LocalDate late = PageFixtures.TODAY.minusDays(60);
    StatusPage after = withRoutes(before, route -> route.name().equals("Orders")
        ? withDay(route, late, PageFixtures.day(late, Health.PARTIAL_OUTAGE, 1_400, 400)) : route);

    String second = render(kept, after, Locale.ENGLISH);

    assertThat(second).isEqualTo(render(PageFixtures.renderer(), after, Locale.ENGLISH));
    assertThat(tip(second, "Orders", late))
        .isEqualTo(late + " · Partial outage · 1,400 requests: 1,000 successes, 400 failures, 0 ignored"
            + " · 71.42 % uptime · p50 12 ms · p95 40 ms · p99 120 ms");
    assertThat(tip(first, "Orders", late)).contains("1,000 requests");
    assertThat(tip(second, "Payments", late)).isEqualTo(tip(first, "Payments", late));
  }

  @Test
  void aRenamedOrRemovedRouteAndANewNoticeAreNeverServedFromKeptSquares() {
    render(kept, PageFixtures.seeded(), Locale.ENGLISH);
    StatusPage renamed = withRoutes(PageFixtures.seeded(), route -> switch (route.name()) {
      case "Orders" -> new RouteStatus(route.key(), "Order lookup", route.doc(), route.current(),
          route.uptimePercent(), route.requests(), route.successes(), route.failures(),
          route.ignored(), route.latency(), route.days(), route.maintenanceRequests());
      case "Payments" -> null;
      default -> route;
    });

    String html = render(kept, renamed, Locale.ENGLISH);

    assertThat(html).isEqualTo(render(PageFixtures.renderer(), renamed, Locale.ENGLISH));
    PageFixtures.Html parsed = PageFixtures.parse(html);
    assertThat(parsed.all("//article/header/h3")).extracting(PageFixtures.Html::text)
        .containsExactly("Order lookup", "Example probe");
    assertThat(parsed.one("//article[header/h3 = 'Order lookup']/ol").getAttribute("aria-label"))
        .isEqualTo("Daily status of Order lookup over the last 90 days, oldest first");

    // A notice of the whole service touches squares rendered before without it.
    StatusPage noticed = NoticeFixtures.seededWith(List.of(
        NoticeFixtures.incident("everywhere01", "Everything is down", "We are on it.")));
    String withNotice = render(kept, noticed, Locale.ENGLISH);
    assertThat(withNotice).isEqualTo(render(PageFixtures.renderer(), noticed, Locale.ENGLISH));
    assertThat(tip(withNotice, "Payments", PageFixtures.TODAY))
        .endsWith(" · Incident: \u2068Everything is down\u2069");
  }

  @Test
  void eachLanguageGetsItsOwnSquaresAfterTheOtherWasRendered() {
    StatusPage page = PageFixtures.seeded();
    String english = render(kept, page, Locale.ENGLISH);
    String spanish = render(kept, page, SPANISH);
    String englishAgain = render(kept, page, Locale.ENGLISH);

    PageRenderer fresh = PageFixtures.renderer();
    assertThat(spanish).isEqualTo(render(fresh, page, SPANISH));
    assertThat(englishAgain).isEqualTo(english).isEqualTo(render(PageFixtures.renderer(), page, Locale.ENGLISH));
    LocalDate day = PageFixtures.TODAY.minusDays(1);
    assertThat(tip(spanish, "Orders", day)).contains("1.000 solicitudes").doesNotContain("requests");
    assertThat(tip(english, "Orders", day)).contains("1,000 requests");
  }

  @Test
  void anOwnersCardThatWritesTheSquaresItselfGetsTheSameBytesAsTheBuiltInCard() throws IOException {
    Files.writeString(folder.resolve("route-card.mustache"), CARD_WRITING_ITS_SQUARES, StandardCharsets.UTF_8);
    String yaml = "{\"type\": \"mustache\", \"templates\": \"" + folder + "\"}";
    PageRenderer owners = new ObjectMapper().readValue(yaml, MustacheRendererFactory.class)
        .build(new PageFixtures.FixedContext());
    StatusPage page = NoticeFixtures.seededWithAll();

    assertThat(render(owners, page, Locale.ENGLISH)).isEqualTo(render(kept, page, Locale.ENGLISH));
    assertThat(render(owners, page, SPANISH)).isEqualTo(render(kept, page, SPANISH));
    StatusPage year = PageFixtures.page("Year", Health.OPERATIONAL, "All Systems Operational",
        page.zone(), 365, List.of(new RouteGroup("Probes",
            List.of(PageFixtures.healthyRoute("/health", "Health", "", 365)))));
    assertThat(render(owners, year, Locale.ENGLISH)).isEqualTo(render(kept, year, Locale.ENGLISH));
  }

  /** The page with each route replaced (or dropped, for null). */
  static StatusPage withRoutes(StatusPage page, UnaryOperator<RouteStatus> change) {
    List<RouteGroup> groups = new ArrayList<>();
    for (RouteGroup group : page.groups()) {
      List<RouteStatus> routes = new ArrayList<>();
      for (RouteStatus route : group.routes()) {
        RouteStatus changed = change.apply(route);
        if (changed != null) {
          routes.add(changed);
        }
      }
      if (!routes.isEmpty()) {
        groups.add(new RouteGroup(group.name(), routes));
      }
    }
    return new StatusPage(page.title(), page.overall(), page.headline(), page.generatedAt(),
        page.zone(), page.firstDay(), page.lastDay(), page.maxDays(), page.minimumRequests(),
        page.refresh(), groups, page.stale(), page.notices());
  }

  private static RouteStatus withDay(RouteStatus route, LocalDate date, DayStatus day) {
    List<DayStatus> days = new ArrayList<>(route.days());
    days.replaceAll(d -> d.day().equals(date) ? day : d);
    return new RouteStatus(route.key(), route.name(), route.doc(), route.current(),
        route.uptimePercent(), route.requests(), route.successes(), route.failures(), route.ignored(),
        route.latency(), days, route.maintenanceRequests());
  }

  private static String tip(String html, String route, LocalDate day) {
    PageFixtures.Html parsed = PageFixtures.parse(html);
    return parsed.all(parsed.one("//article[header/h3 = '" + route + "']"), ".//li").stream()
        .map(li -> li.getAttribute("title"))
        .filter(title -> title.startsWith(day.toString()))
        .findFirst()
        .orElseThrow();
  }

  static String render(PageRenderer renderer, StatusPage page, Locale locale) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      renderer.render(page, PageFixtures.LINKS, RenderOptions.in(locale), out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString(StandardCharsets.UTF_8);
  }
}
