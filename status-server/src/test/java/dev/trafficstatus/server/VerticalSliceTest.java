package dev.trafficstatus.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trafficstatus.server.testapp.ShopApp;
import dev.trafficstatus.server.testapp.ShopConfiguration;
import dev.trafficstatus.server.testing.Eventually;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The thin vertical slice through every module: Jersey capture records requests, the core counts
 * them, the flusher writes them through the JDBI store into H2, and the page shows them. It counts
 * by FlaskStatus's exact rule, where every 404 is a failure ({@link NotFoundWithParametersTest}
 * shows the default, which ignores a 404 of a route with path parameters).
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class VerticalSliceTest {

  static final DropwizardAppExtension<ShopConfiguration> APP =
      new DropwizardAppExtension<>(
          ShopApp.class,
          ResourceHelpers.resourceFilePath("shop.yml"),
          ConfigOverride.config("status.store.database.url", "jdbc:h2:mem:slice;DB_CLOSE_DELAY=-1"),
          ConfigOverride.config("status.classification.ignoreNotFoundWithParameters", "false"));

  private static final ObjectMapper JSON = new ObjectMapper();

  @BeforeAll
  static void sendTrafficAndFlush() throws Exception {
    for (int i = 0; i < 30; i++) {
      assertThat(status("/hello")).isEqualTo(200);
    }
    for (int i = 0; i < 10; i++) {
      assertThat(status("/items/1")).isEqualTo(404);
      assertThat(status("/items/2")).isEqualTo(200);
    }
    for (int i = 0; i < 5; i++) {
      assertThat(status("/no/such/path/" + i)).isEqualTo(404);
    }
    Eventually.await(
        "the 50 matched and 5 unmatched requests counted and flushed",
        Duration.ofSeconds(10),
        () -> {
          Response flushed =
              APP.client()
                  .target("http://localhost:" + APP.getAdminPort() + "/tasks/trafficstatus-flush")
                  .request()
                  .post(Entity.text(""));
          assertThat(flushed.readEntity(String.class)).contains("pending: 0");
          JsonNode metrics = metrics();
          return metrics.at("/gauges/trafficstatus.requests.captured/value").asLong() == 50
              && metrics.at("/gauges/trafficstatus.requests.unmatched/value").asLong() == 5;
        });
  }

  private static JsonNode metrics() throws Exception {
    return JSON.readTree(
        APP.client()
            .target("http://localhost:" + APP.getAdminPort() + "/metrics")
            .request()
            .get(String.class));
  }

  /** The status of a GET, with the response closed so its connection goes back to the pool. */
  private static int status(String path) {
    try (Response response = get(path)) {
      return response.getStatus();
    }
  }

  private static Response get(String path) {
    return APP.client().target("http://localhost:" + APP.getLocalPort() + path).request().get();
  }

  private static JsonNode pageJson(String query) throws Exception {
    Response response =
        APP.client()
            .target("http://localhost:" + APP.getLocalPort() + "/status" + query)
            .request(MediaType.APPLICATION_JSON)
            .get();
    assertThat(response.getStatus()).isEqualTo(200);
    return JSON.readTree(response.readEntity(String.class));
  }

  private static List<JsonNode> routes(JsonNode page) {
    List<JsonNode> routes = new ArrayList<>();
    page.get("groups").forEach(group -> group.get("routes").forEach(routes::add));
    return routes;
  }

  private static JsonNode route(JsonNode page, String rule) {
    return routes(page).stream()
        .filter(r -> r.get("rule").asText().equals(rule))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no route " + rule + " in " + page));
  }

  @Test
  void capturedRequestsAppearOnThePageWithExactCounts() throws Exception {
    JsonNode page = pageJson("");

    JsonNode hello = route(page, "/hello");
    assertThat(hello.get("name").asText()).isEqualTo("Hello, World!");
    assertThat(hello.get("doc").asText()).isEqualTo("Says hello.");
    assertThat(hello.get("requests").asLong()).isEqualTo(30);
    assertThat(hello.get("failures").asLong()).isZero();
    assertThat(hello.get("uptimePercent").asDouble()).isEqualTo(100.0);

    JsonNode items = route(page, "/items/{id}");
    assertThat(items.get("name").asText()).isEqualTo("item");
    assertThat(items.get("requests").asLong()).isEqualTo(20);
    assertThat(items.get("failures").asLong()).isEqualTo(10);
    JsonNode today = items.get("days").get(items.get("days").size() - 1);
    assertThat(today.get("date").asText()).isEqualTo(page.get("lastDay").asText());
    assertThat(today.get("requests").asLong()).isEqualTo(20);
    assertThat(today.get("health").asText()).isEqualTo("major_outage");
  }

  @Test
  void unknownPathsAndThePageItselfNeverBecomeRoutes() throws Exception {
    JsonNode page = pageJson("");

    assertThat(routes(page)).extracting(r -> r.get("rule").asText())
        .containsExactlyInAnyOrder("/hello", "/items/{id}");
    JsonNode metrics = metrics();
    assertThat(metrics.at("/gauges/trafficstatus.requests.unmatched/value").asLong()).isEqualTo(5);
    assertThat(metrics.at("/gauges/trafficstatus.requests.captured/value").asLong()).isEqualTo(50);
  }

  @Test
  void thePageIsServerRenderedHtmlWithAStrictContentSecurityPolicy() {
    Response response = get("/status");

    assertThat(response.getStatus()).isEqualTo(200);
    assertThat(response.getMediaType().isCompatible(MediaType.TEXT_HTML_TYPE)).isTrue();
    assertThat(response.getHeaderString("Content-Security-Policy"))
        .contains("script-src 'self'")
        .doesNotContain("unsafe-inline");
    String html = response.readEntity(String.class);
    assertThat(html).contains("The Shop").contains("Hello, World!").contains("/items/{id}");
  }

  @Test
  void theWindowFollowsTheDaysParameter() throws Exception {
    JsonNode page = pageJson("?days=30");

    assertThat(page.get("days").asInt()).isEqualTo(30);
    assertThat(route(page, "/hello").get("days")).hasSize(30);
  }

  @Test
  void aBadWindowIsAClearBadRequest() throws Exception {
    for (String bad : List.of("abc", "0", "366", "-5", "9999999999999")) {
      Response response = get("/status?days=" + bad);
      assertThat(response.getStatus()).as(bad).isEqualTo(400);
      assertThat(response.getMediaType().toString()).isEqualTo("application/json");
      assertThat(JSON.readTree(response.readEntity(String.class)).get("error").asText())
          .contains("days must be a whole number from 1 to 365");
    }
  }

  @Test
  void anUnchangedPageAnswersNotModified() {
    Response first = get("/status");
    String etag = first.getHeaderString(HttpHeaders.ETAG);
    assertThat(etag).isNotBlank();
    assertThat(first.getHeaderString(HttpHeaders.CACHE_CONTROL)).matches("max-age=\\d+");
    first.close();

    Response again =
        APP.client()
            .target("http://localhost:" + APP.getLocalPort() + "/status")
            .request()
            .header(HttpHeaders.IF_NONE_MATCH, etag)
            .get();

    assertThat(again.getStatus()).isEqualTo(304);
  }

  @Test
  void theRenderersAssetsAreServedUnderThePrefixAndNothingElseIs() {
    Response css = get("/status/assets/status.css");
    assertThat(css.getStatus()).isEqualTo(200);
    assertThat(css.getMediaType().toString()).startsWith("text/css");
    css.close();

    assertThat(status("/status/assets/nope.css")).isEqualTo(404);
    assertThat(status("/status/assets/..%2F..%2Fetc%2Fpasswd")).isIn(400, 404);
  }
}
