package dev.trafficstatus.views.mustache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficstatus.spi.Health;
import dev.trafficstatus.spi.page.PageRenderer;
import dev.trafficstatus.spi.page.RouteGroup;
import dev.trafficstatus.spi.page.RouteStatus;
import dev.trafficstatus.spi.page.StatusPage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The page at the size the page budget names (BENCHMARKS.md): 100 routes × 90 days. */
class LargePageRenderingTest {

  private static final int ROUTES = 100;

  private static final int DAYS = 90;

  private final PageRenderer renderer = PageFixtures.renderer();

  static StatusPage hundredRoutesNinetyDays() {
    LocalDate first = PageFixtures.TODAY.minusDays(DAYS - 1L);
    List<RouteGroup> groups = new ArrayList<>();
    for (int g = 0; g < 10; g++) {
      List<RouteStatus> routes = new ArrayList<>();
      for (int r = 0; r < ROUTES / 10; r++) {
        int seed = g * 10 + r;
        routes.add(PageFixtures.route("/resource" + g + "/item" + r + "/{id}", "Route " + seed,
            "Route number " + seed + " of the benchmark page.", Health.OPERATIONAL, 99.97,
            DAYS * 50_000L, 1_350, PageFixtures.window(DAYS, i -> {
              int kind = (i * 31 + seed * 7) % 50;
              LocalDate date = first.plusDays(i);
              return switch (kind) {
                case 0 -> PageFixtures.noData(date, 4);
                case 1 -> PageFixtures.day(date, Health.MAJOR_OUTAGE, 50_000, 20_000);
                case 2 -> PageFixtures.day(date, Health.DEGRADED, 50_000, 80);
                default -> PageFixtures.day(date, Health.OPERATIONAL, 50_000 + kind, kind % 3);
              };
            })));
      }
      groups.add(new RouteGroup("Resource" + g, routes));
    }
    return PageFixtures.page("Benchmark", Health.PARTIAL_OUTAGE, "Partial Outage",
        ZoneId.of("Europe/Berlin"), DAYS, groups);
  }

  @Test
  void rendersAHundredRoutesOfNinetyDays() {
    StatusPage page = hundredRoutesNinetyDays();
    String html = PageFixtures.render(renderer, page);
    PageFixtures.Html parsed = PageFixtures.parse(html);
    assertThat(parsed.all("//article")).hasSize(ROUTES);
    assertThat(parsed.all("//ol[contains(@class, 'days')]/li")).hasSize(ROUTES * DAYS);
    assertThat(parsed.all("//li[@class='day state-nodata']")).isNotEmpty();
    assertThat(parsed.all("//li[@class='day state-major']")).isNotEmpty();
    // Roughly 150 bytes a square, its figures written once (as its title); the server gzips.
    assertThat(html.length()).isBetween(ROUTES * DAYS * 80, ROUTES * DAYS * 200);
  }

  @Test
  void rendersTheSameBytesOnManyThreadsAtOnce() throws Exception {
    StatusPage page = hundredRoutesNinetyDays();
    byte[] expected = bytes(page);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<byte[]>> results = new ArrayList<>();
      for (int i = 0; i < 32; i++) {
        results.add(pool.submit(() -> bytes(page)));
      }
      for (Future<byte[]> result : results) {
        assertThat(result.get()).isEqualTo(expected);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private byte[] bytes(StatusPage page) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    renderer.render(page, PageFixtures.LINKS, out);
    return out.toByteArray();
  }

  private void render(StatusPage page, OutputStream out) {
    try {
      renderer.render(page, PageFixtures.LINKS, out);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}
