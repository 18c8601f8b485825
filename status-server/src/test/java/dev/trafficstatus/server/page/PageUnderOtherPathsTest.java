package dev.trafficstatus.server.page;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficstatus.server.StatusConfiguration;
import dev.trafficstatus.server.testapp.StatusOnlyApp;
import dev.trafficstatus.spi.RouteDescriptor;
import dev.trafficstatus.spi.RouteKey;
import dev.trafficstatus.spi.store.LatencyHistogram;
import dev.trafficstatus.spi.store.MinuteBucket;
import dev.trafficstatus.spi.store.StatusStore;
import dev.trafficstatus.spi.store.Tally;
import dev.trafficstatus.testkit.MutableClock;
import io.dropwizard.core.Application;
import io.dropwizard.testing.DropwizardTestSupport;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.w3c.dom.Element;

/**
 * The page wherever the host serves its resources: under Jersey's root path, under an application
 * context path, and on the simple server factory. The page answers, and every style sheet, script,
 * icon and window link on it answers too, under the same base.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class PageUnderOtherPathsTest {

  private static final MutableClock CLOCK = MutableClock.at("2026-11-26T10:30:30Z");

  static final DropwizardAppExtension<StatusConfiguration> ROOT_PATH = app("page-root-path.yml");

  static final DropwizardAppExtension<StatusConfiguration> CONTEXT_PATH = app("page-context-path.yml");

  static final DropwizardAppExtension<StatusConfiguration> SIMPLE_SERVER = app("page-simple-server.yml");

  private static DropwizardAppExtension<StatusConfiguration> app(String config) {
    return new DropwizardAppExtension<>(
        new DropwizardTestSupport<>(
            StatusOnlyApp.class, ResourceHelpers.resourceFilePath(config), config) {
          @Override
          public Application<StatusConfiguration> newApplication() {
            return new StatusOnlyApp(CLOCK);
          }
        });
  }

  @BeforeAll
  static void oneRouteEach() {
    RouteDescriptor checkout = new RouteDescriptor(new RouteKey("shop", "/checkout"), "Checkout", "", "Shop");
    for (DropwizardAppExtension<StatusConfiguration> app : List.of(ROOT_PATH, CONTEXT_PATH, SIMPLE_SERVER)) {
      StatusStore store = StatusOnlyApp.store(app);
      store.declareRoutes(List.of(checkout));
      store.writeMinutes(List.of(new MinuteBucket(checkout.key(),
          CLOCK.instant().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofMinutes(1)), "web-1",
          new Tally(20, 20, 0, 0, Duration.ofMillis(5),
              LatencyHistogram.builder().record(Duration.ofMillis(5), 20).build()))));
      StatusOnlyApp.showWhatWasWritten(app);
    }
  }

  /** Fetches the page under {@code base}, then everything it links to. */
  private static void everyLinkAnswers(DropwizardAppExtension<StatusConfiguration> app, String base) {
    PageFetcher fetcher = new PageFetcher(app.getLocalPort());
    HttpResponse<byte[]> page = fetcher.get(base + "/status");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(fetcher.get(base + "/status", "Accept", "application/json").statusCode()).isEqualTo(200);

    HtmlDocument html = HtmlDocument.parse(page.body());
    List<String> links = new ArrayList<>();
    html.all("//link").forEach(link -> links.add(link.getAttribute("href")));
    html.all("//script").forEach(script -> links.add(script.getAttribute("src")));
    for (Element anchor : html.all("//a")) {
      links.add(anchor.getAttribute("href"));
    }
    // Style, icon, the two feeds, script; three windows, the history twice, the two feeds again.
    assertThat(links).hasSize(12).allSatisfy(link -> {
      assertThat(link).startsWith(base + "/status");
      HttpResponse<byte[]> linked = fetcher.getWhenReady(link);
      assertThat(linked.statusCode()).as(link).isEqualTo(200);
      assertThat(linked.body()).as(link).isNotEmpty();
    });
    assertThat(fetcher.get("/status").statusCode()).as("nothing at the root").isEqualTo(404);
  }

  @Test
  void underJerseysRootPath() {
    everyLinkAnswers(ROOT_PATH, "/api");
  }

  @Test
  void underAnApplicationContextPath() {
    everyLinkAnswers(CONTEXT_PATH, "/ctx");
  }

  @Test
  void onTheSimpleServer() {
    everyLinkAnswers(SIMPLE_SERVER, "/application/api");
  }
}
