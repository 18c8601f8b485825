package dev.trafficstatus.views.mustache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficstatus.spi.Health;
import dev.trafficstatus.spi.page.PageRenderer;
import dev.trafficstatus.spi.page.RenderOptions;
import dev.trafficstatus.spi.page.RouteGroup;
import dev.trafficstatus.spi.page.StatusPage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A new server's first minutes: the page says when its first figures will be there, and reloads then. */
class FirstFiguresTest {

  private final PageRenderer renderer = PageFixtures.renderer();

  /** Read at 14:03:07.250 UTC (PageFixtures.NOW), a minute's refresh, no figures yet. */
  private static final StatusPage EMPTY = PageFixtures.page("Shop", Health.NO_DATA, "No Data Yet",
      ZoneId.of("UTC"), 90, List.of(new RouteGroup("Probes",
          List.of(PageFixtures.route("https://example.com/health", "Example probe", "", Health.NO_DATA,
              null, 0, 0, PageFixtures.window(90, i -> PageFixtures.noData(
                  PageFixtures.TODAY.minusDays(89 - i), 0)))))));

  private PageFixtures.Html render(Locale locale, Optional<Instant> firstFigures) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    renderer.render(EMPTY, PageFixtures.LINKS, new RenderOptions(locale, firstFigures), out);
    return PageFixtures.parse(out.toString(StandardCharsets.UTF_8));
  }

  @Test
  void untilTheFirstFlushThePageSaysWhenAndReloadsJustAfter() throws IOException {
    PageFixtures.Html page = render(Locale.ENGLISH, Optional.of(Instant.parse("2025-03-10T14:03:40Z")));

    assertThat(PageFixtures.Html.text(page.one("//p[@id='first-figures']")))
        .isEqualTo("First figures at 14:03 UTC, after the first flush. This page reloads itself then.");
    // 32.75 s from the read to the flush (whole seconds), plus 2: sooner than the minute's refresh.
    assertThat(page.one("//meta[@http-equiv='refresh']").getAttribute("content")).isEqualTo("34");
  }

  @Test
  void inSpanishToo() throws IOException {
    PageFixtures.Html page = render(Locale.forLanguageTag("es"), Optional.of(Instant.parse("2025-03-10T14:04:09Z")));
    assertThat(PageFixtures.Html.text(page.one("//p[@id='first-figures']")))
        .isEqualTo("Primeras cifras a las 14:04 UTC, tras la primera escritura. Esta página se recargará entonces.");
  }

  @Test
  void aFlushFarOffNeverStretchesTheRefresh() throws IOException {
    PageFixtures.Html page = render(Locale.ENGLISH, Optional.of(Instant.parse("2025-03-10T15:00:00Z")));
    assertThat(page.one("//meta[@http-equiv='refresh']").getAttribute("content")).isEqualTo("60");
  }

  @Test
  void withFiguresThereIsNoSuchNotice() throws IOException {
    PageFixtures.Html page = render(Locale.ENGLISH, Optional.empty());
    assertThat(page.all("//p[@id='first-figures']")).isEmpty();
    assertThat(page.one("//meta[@http-equiv='refresh']").getAttribute("content")).isEqualTo("60");
  }
}
