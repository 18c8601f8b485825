package dev.trafficstatus.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trafficstatus.server.testapp.ShopApp;
import dev.trafficstatus.server.testapp.ShopConfiguration;
import dev.trafficstatus.server.testing.Eventually;
import dev.trafficstatus.server.wiring.StatusRuntime;
import dev.trafficstatus.spi.store.StatusStore;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A host whose status database is down when it starts: it starts and serves, its own health stays
 * green (the bundle's checks are not critical), the counts wait in memory, and once the database
 * is up the store connects and migrates by itself and every count is stored.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class StoreDownAtStartTest {

  private static final int PORT = freePort();
  private static final Path DATA = temporaryDirectory();
  private static EmbeddedPostgres postgres;

  static final DropwizardAppExtension<ShopConfiguration> APP =
      new DropwizardAppExtension<>(
          ShopApp.class,
          ResourceHelpers.resourceFilePath("shop.yml"),
          ConfigOverride.config(
              "status.store.database.url", "jdbc:postgresql://localhost:" + PORT + "/postgres"),
          ConfigOverride.config("status.store.database.user", "postgres"),
          ConfigOverride.config("status.storeConnect.initialBackoff", "200ms"),
          ConfigOverride.config("status.storeConnect.startWait", "0s"),
          ConfigOverride.config("status.storeConnect.maxBackoff", "1s"));

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path temporaryDirectory() {
    try {
      return Files.createTempDirectory("down-at-start-pg");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @AfterAll
  static void stopPostgres() throws IOException {
    if (postgres != null) {
      postgres.close();
    }
  }

  private static StatusRuntime runtime() {
    return ((ShopApp) APP.getApplication()).bundle().runtime();
  }

  private static HttpResponse<String> get(String url) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void theHostStartsServesAndStaysHealthyThenEveryCountIsStoredOnceTheDatabaseIsUp()
      throws Exception {
    Instant start = Instant.now().minus(Duration.ofMinutes(1));
    for (int i = 0; i < 50; i++) {
      assertThat(get("http://localhost:" + APP.getLocalPort() + "/hello").statusCode()).isEqualTo(200);
    }
    HttpResponse<String> health = get("http://localhost:" + APP.getAdminPort() + "/healthcheck");
    assertThat(health.statusCode()).isEqualTo(200);
    JsonNode checks = new ObjectMapper().readTree(health.body());
    assertThat(checks.at("/trafficstatus-store/healthy").asBoolean()).isTrue();
    assertThat(checks.at("/trafficstatus-store/degraded").asBoolean()).isTrue();
    assertThat(checks.at("/trafficstatus-store/message").asText()).contains("does not answer");

    postgres =
        EmbeddedPostgres.builder()
            .setDataDirectory(DATA)
            .setCleanDataDirectory(true)
            .setPort(PORT)
            .setPGStartupWait(Duration.ofSeconds(60))
            .start();

    StatusStore store = runtime().startedStore(Duration.ofSeconds(60));
    Eventually.await(
        "the 50 requests served before the database was up are stored",
        Duration.ofSeconds(30),
        () -> {
          runtime().flusher().flushAll();
          return store.readSince(start).stream().mapToLong(t -> t.tally().total()).sum() == 50;
        });
    assertThat(store.routes()).extracting(route -> route.key().rule()).contains("/hello");
    JsonNode after =
        new ObjectMapper().readTree(get("http://localhost:" + APP.getAdminPort() + "/healthcheck").body());
    assertThat(after.at("/trafficstatus-store/degraded").asBoolean()).isFalse();
  }
}
