package dev.trafficstatus.views.mustache;

import static dev.trafficstatus.views.mustache.PageFixtures.Html.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficstatus.spi.page.DeployMarker;
import dev.trafficstatus.spi.page.IncompleteFigures;
import dev.trafficstatus.spi.page.StatusPage;
import dev.trafficstatus.spi.page.PageRenderer;
import dev.trafficstatus.spi.page.RenderOptions;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/**
 * What the page tells about the instances writing its figures: one line per service whose
 * instances stopped reporting, and a notched square on each day a new version was deployed, named
 * in the square's tooltip (or not named, when the host keeps versions private).
 */
class FleetRenderingTest {

  private final PageRenderer renderer = PageFixtures.renderer();

  private static StatusPage withFleet(List<IncompleteFigures> incomplete, List<DeployMarker> deploys) {
    StatusPage page = PageFixtures.seeded();
    return new StatusPage(page.title(), page.overall(), page.headline(), page.generatedAt(),
        page.zone(), page.firstDay(), page.lastDay(), page.maxDays(), page.minimumRequests(),
        page.refresh(), page.groups(), page.stale(), page.notices(), page.maintenanceExcluded(),
        page.objectives(),
        incomplete, deploys);
  }

  private static String service(StatusPage page) {
    return page.groups().get(0).routes().get(0).key().service();
  }

  @Test
  void aServiceWithSilentInstancesSaysItsFiguresAreIncomplete() {
    StatusPage seeded = PageFixtures.seeded();
    assertThat(PageFixtures.parse(PageFixtures.render(renderer, seeded))
        .all("//p[@class='silent-instances']")).as("every instance reports: no line").isEmpty();

    StatusPage page = withFleet(
        List.of(new IncompleteFigures(service(seeded), 2, 12, Duration.ofMinutes(5))), List.of());
    PageFixtures.Html html = PageFixtures.parse(PageFixtures.render(renderer, page));

    Element line = html.one("//header[@class='masthead']/p[@class='silent-instances']");
    assertThat(text(line))
        .isEqualTo("\u2068orders\u2069: figures incomplete: 2 of 12 instances have not reported"
            + " for 5 minutes");
    assertThat(line.getAttribute("role")).isEqualTo("status");
  }

  @Test
  void aDeployNotchesItsDaysSquaresAndNamesTheVersion() {
    StatusPage seeded = PageFixtures.seeded();
    Instant at = PageFixtures.TODAY.minusDays(3).atTime(13, 2).toInstant(java.time.ZoneOffset.UTC);
    StatusPage page = withFleet(List.of(), List.of(new DeployMarker(service(seeded), "1.4.2", at, 3)));
    PageFixtures.Html html = PageFixtures.parse(PageFixtures.render(renderer, page));

    List<Element> cards = html.all("//article[@class='card']");
    assertThat(cards).isNotEmpty();
    for (Element card : cards) {
      List<Element> squares = html.all(card, ".//li");
      List<Element> marked = html.all(card, ".//li[contains(@class,'deployed')]");
      assertThat(marked).hasSize(1);
      assertThat(marked.get(0)).isSameAs(squares.get(squares.size() - 4));
      // The seeded page is in Europe/Berlin: 13:02 UTC is 14:02 CET there.
      assertThat(marked.get(0).getAttribute("title"))
          .endsWith(" · \u20681.4.2\u2069 deployed 14:02 CET on 3 instances");
    }
  }

  @Test
  void aPrivateVersionIsNotNamed() {
    StatusPage seeded = PageFixtures.seeded();
    StatusPage page = withFleet(
        List.of(), List.of(new DeployMarker(service(seeded), null, PageFixtures.NOW, 1)));
    String rendered = PageFixtures.render(renderer, page);
    PageFixtures.Html html = PageFixtures.parse(rendered);

    Element marked = html.all("//li[contains(@class,'deployed')]").get(0);
    assertThat(marked.getAttribute("title"))
        .endsWith(" · A new version deployed 15:03 CET on 1 instance");
  }

  @Test
  void inSpanishTheLineAndTheTooltipAreSpanish() throws IOException {
    StatusPage seeded = PageFixtures.seeded();
    Instant at = PageFixtures.TODAY.minusDays(3).atTime(13, 2).toInstant(java.time.ZoneOffset.UTC);
    StatusPage page = withFleet(
        List.of(new IncompleteFigures(service(seeded), 1, 12, Duration.ofMinutes(1))),
        List.of(new DeployMarker(service(seeded), "1.4.2", at, 3)));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    renderer.render(page, PageFixtures.LINKS, RenderOptions.in(Locale.forLanguageTag("es")), out);
    PageFixtures.Html html = PageFixtures.parse(out.toString(StandardCharsets.UTF_8));

    assertThat(text(html.one("//header[@class='masthead']/p[@class='silent-instances']")))
        .isEqualTo("\u2068orders\u2069: cifras incompletas: 1 de 12 instancias no ha informado"
            + " desde hace 1 minuto");
    assertThat(html.all("//li[contains(@class,'deployed')]").get(0).getAttribute("title"))
        .endsWith(" · \u20681.4.2\u2069 desplegada a las 14:02 CET en 3 instancias");
  }
}
