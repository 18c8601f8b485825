package dev.trafficstatus.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.trafficstatus.server.testapp.ShopApp;
import dev.trafficstatus.server.testapp.ShopConfiguration;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The probe plugin through the whole server: found by ServiceLoader, bound from YAML, probing
 * three stub targets (up, refusing connections, answering after the timeout), flushed to H2 and
 * shown on the page as JSON with the state each target deserves.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class ProbePageTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long MINIMUM_REQUESTS = 3;

  private static final CountDownLatch STOPPING = new CountDownLatch(1);
  private static final ExecutorService STUB_THREADS = Executors.newCachedThreadPool();
  private static final HttpServer UP = stub(200, false);
  private static final HttpServer SLOW = stub(200, true);
  private static final String REFUSED = refusedUrl();

  static final DropwizardAppExtension<ShopConfiguration> APP =
      new DropwizardAppExtension<>(
          ShopApp.class,
          ResourceHelpers.resourceFilePath("probes.yml"),
          ConfigOverride.config("status.store.database.url", "jdbc:h2:mem:probes;DB_CLOSE_DELAY=-1"),
          ConfigOverride.config("status.captures[0].probes[0].url", url(UP) + "?token=s3cret"),
          ConfigOverride.config("status.captures[0].probes[1].url", REFUSED),
          ConfigOverride.config("status.captures[0].probes[2].url", url(SLOW)));

  private static JsonNode page;

  /** Answers 200 at once, or only when the test ends (long after any probe's timeout). */
  private static HttpServer stub(int status, boolean slow) {
    try {
      HttpServer server =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      server.setExecutor(STUB_THREADS);
      server.createContext(
          "/",
          exchange -> {
            if (slow) {
              try {
                STOPPING.await();
              } catch (InterruptedException stopping) {
                Thread.currentThread().interrupt();
              }
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
          });
      server.start();
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String url(HttpServer server) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/health";
  }

  /** A loopback port nothing listens on. */
  private static String refusedUrl() {
    try (ServerSocket closedAgain = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return "http://127.0.0.1:" + closedAgain.getLocalPort() + "/health";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Flushes and reads the page until every probe has enough verdicts for a state, bounded. The
   * page cache is dropped before each read; it would otherwise hold the first, empty page for a
   * minute.
   */
  @BeforeAll
  static void waitForEnoughProbes() throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    do {
      flush();
      ((ShopApp) APP.getApplication()).bundle().runtime().statusService().invalidate();
      page = pageJsonOnceServed();
      if (page != null
          && probeRoutes(page).size() == 3
          && probeRoutes(page).stream().allMatch(r -> r.get("requests").asLong() >= MINIMUM_REQUESTS)) {
        return;
      }
      Thread.sleep(200);
    } while (System.nanoTime() < deadline);
    throw new AssertionError("the probes did not reach " + MINIMUM_REQUESTS + " requests each: " + page);
  }

  @AfterAll
  static void stopStubs() {
    STOPPING.countDown();
    UP.stop(0);
    SLOW.stop(0);
    STUB_THREADS.shutdownNow();
  }

  private static void flush() {
    try (Response flushed =
        APP.client()
            .target("http://localhost:" + APP.getAdminPort() + "/tasks/trafficstatus-flush")
            .request()
            .post(Entity.text(""))) {
      assertThat(flushed.getStatus()).isEqualTo(200);
    }
  }

  /** The page, or null while it is not served yet (503: the store is still starting aside). */
  private static JsonNode pageJsonOnceServed() throws IOException {
    try (Response response =
        APP.client()
            .target("http://localhost:" + APP.getLocalPort() + "/status")
            .request(MediaType.APPLICATION_JSON)
            .get()) {
      if (response.getStatus() == 503) {
        return null;
      }
      assertThat(response.getStatus()).isEqualTo(200);
      return JSON.readTree(response.readEntity(String.class));
    }
  }

  private static List<JsonNode> probeRoutes(JsonNode page) {
    List<JsonNode> routes = new ArrayList<>();
    page.get("groups").forEach(group -> {
      if (group.get("name").asText().equals("Probes")) {
        group.get("routes").forEach(routes::add);
      }
    });
    return routes;
  }

  private static JsonNode route(String rule) {
    return probeRoutes(page).stream()
        .filter(r -> r.get("rule").asText().equals(rule))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no route " + rule + " in " + page));
  }

  @Test
  void aTargetThatAnswersAsExpectedIsOperational() {
    JsonNode up = route("probe:Up");

    assertThat(up.get("current").asText()).isEqualTo("operational");
    assertThat(up.get("requests").asLong()).isGreaterThanOrEqualTo(MINIMUM_REQUESTS);
    assertThat(up.get("failures").asLong()).isZero();
    assertThat(up.get("uptimePercent").asDouble()).isEqualTo(100.0);
  }

  @Test
  void aTargetThatRefusesConnectionsIsAMajorOutage() {
    JsonNode down = route("probe:Down");

    assertThat(down.get("current").asText()).isEqualTo("major_outage");
    assertThat(down.get("requests").asLong()).isGreaterThanOrEqualTo(MINIMUM_REQUESTS);
    assertThat(down.get("failures").asLong()).isEqualTo(down.get("requests").asLong());
  }

  @Test
  void aTargetSlowerThanItsTimeoutIsAMajorOutage() {
    JsonNode slow = route("probe:Slow");

    assertThat(slow.get("current").asText()).isEqualTo("major_outage");
    assertThat(slow.get("requests").asLong()).isGreaterThanOrEqualTo(MINIMUM_REQUESTS);
    assertThat(slow.get("failures").asLong()).isEqualTo(slow.get("requests").asLong());
    // A liveness bound, not a speed verdict: the stub answers only when the class ends, so a probe
    // that waited for it would record tens of seconds; one cut by its 200 ms timeout records far
    // less, however loaded the machine.
    assertThat(slow.get("latencyMs").get("p50").asDouble()).as("cut by the timeout").isLessThan(10_000);
  }

  @Test
  void probesAreGroupedUnderProbesNamedAsConfiguredWithoutTheirSecretsOrInternalAddresses() {
    assertThat(probeRoutes(page))
        .extracting(r -> r.get("name").asText())
        .containsExactlyInAnyOrder("Up", "Down", "Slow");
    assertThat(route("probe:Up").get("doc").asText())
        .as("the targets are on loopback: never on a public page")
        .isEqualTo("An internal endpoint")
        .doesNotContain("s3cret")
        .doesNotContain("127.0.0.1");
  }

  @Test
  void todaysSquareOfEachProbeCarriesItsState() {
    JsonNode up = route("probe:Up").get("days");
    JsonNode down = route("probe:Down").get("days");

    assertThat(up.get(up.size() - 1).get("health").asText()).isEqualTo("operational");
    assertThat(down.get(down.size() - 1).get("health").asText()).isEqualTo("major_outage");
  }
}
