package dev.trafficstatus.server.page;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trafficstatus.server.StatusConfiguration;
import dev.trafficstatus.spi.RouteDescriptor;
import dev.trafficstatus.spi.RouteKey;
import dev.trafficstatus.spi.store.LatencyHistogram;
import dev.trafficstatus.spi.store.MinuteBucket;
import dev.trafficstatus.spi.store.Tally;
import dev.trafficstatus.testkit.MutableClock;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Which routes the page shows, on a database several services share: those of the services in
 * {@code page.services}, without the routes their hosts protect unless {@code page.routes} names
 * them or {@code page.showProtectedRoutes} is true; the HTML and the JSON alike.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class PageSelectionTest {

  private static final MutableClock CLOCK = MutableClock.at("2026-11-26T10:30:30Z");

  static final DropwizardAppExtension<StatusConfiguration> SHOP_ONLY =
      GatedStoreApp.extension("shop-only", CLOCK, Map.of("status.page.services", "shop,probes"));

  static final DropwizardAppExtension<StatusConfiguration> NAMED =
      GatedStoreApp.extension("named", CLOCK, Map.of("status.page.routes", "/checkout,/admin"));

  static final DropwizardAppExtension<StatusConfiguration> ALL_PROTECTED =
      GatedStoreApp.extension("all-protected", CLOCK, Map.of("status.page.showProtectedRoutes", "true"));

  private static final RouteDescriptor CHECKOUT =
      new RouteDescriptor(new RouteKey("shop", "/checkout"), "Checkout", "", "Shop");

  private static final RouteDescriptor ADMIN =
      new RouteDescriptor(new RouteKey("shop", "/admin"), "Admin", "", "Shop", true);

  private static final RouteDescriptor INVOICES =
      new RouteDescriptor(new RouteKey("billing", "/invoices"), "Invoices", "", "Billing");

  @BeforeAll
  static void threeRoutesOfTwoServices() {
    for (DropwizardAppExtension<StatusConfiguration> app : List.of(SHOP_ONLY, NAMED, ALL_PROTECTED)) {
      GatedStore store = GatedStoreApp.store(app);
      List<RouteDescriptor> routes = List.of(CHECKOUT, ADMIN, INVOICES);
      store.declareRoutes(routes);
      for (RouteDescriptor route : routes) {
        store.writeMinutes(List.of(new MinuteBucket(route.key(),
            CLOCK.instant().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofMinutes(1)), "web-1",
            new Tally(20, 20, 0, 0, Duration.ofMillis(5),
                LatencyHistogram.builder().record(Duration.ofMillis(5), 20).build()))));
      }
      GatedStoreApp.runtime(app).forgetCachedPages();
    }
  }

  /** The rules on the page's cards and in its JSON, which must agree. */
  private static List<String> shown(DropwizardAppExtension<StatusConfiguration> app) throws Exception {
    PageFetcher fetcher = new PageFetcher(app.getLocalPort());
    JsonNode json = new ObjectMapper().readTree(fetcher.get("/status", "Accept", "application/json").body());
    List<String> inJson = new ArrayList<>();
    json.get("groups").forEach(group -> group.get("routes").forEach(route ->
        inJson.add(route.get("service").asText() + " " + route.get("rule").asText())));
    HtmlDocument html = HtmlDocument.parse(fetcher.get("/status").body());
    assertThat(html.all("//p[@class='rule']/code")).extracting(HtmlDocument::text)
        .containsExactlyElementsOf(inJson.stream().map(shown -> shown.substring(shown.indexOf(' ') + 1)).toList());
    return inJson;
  }

  @Test
  void aProtectedRouteAndOtherServicesRoutesAreLeftOut() throws Exception {
    assertThat(shown(SHOP_ONLY)).containsExactly("shop /checkout");
  }

  @Test
  void aProtectedRouteNamedInTheRulesIsShown() throws Exception {
    assertThat(shown(NAMED)).containsExactlyInAnyOrder("shop /checkout", "shop /admin");
  }

  @Test
  void showProtectedRoutesShowsThemAll() throws Exception {
    assertThat(shown(ALL_PROTECTED))
        .containsExactlyInAnyOrder("shop /checkout", "shop /admin", "billing /invoices");
  }
}
