package dev.trafficstatus.server;

import dev.trafficstatus.server.wiring.StatusRuntime;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trafficstatus.testkit.MutableClock;
import dev.trafficstatus.server.testapp.ShopApp;
import dev.trafficstatus.server.testapp.ShopConfiguration;
import dev.trafficstatus.server.testing.Eventually;
import dev.trafficstatus.spi.store.RouteTally;
import dev.trafficstatus.spi.store.StatusStore;
import io.dropwizard.core.Application;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.DropwizardTestSupport;
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
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * PostgreSQL stops for several flush intervals under steady traffic, then starts again: no request
 * fails, the counts wait in memory, and once the database is back every count is stored exactly.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class StoreOutageTest {

  private static final Path DATA;
  private static final int PORT;
  private static EmbeddedPostgres postgres;

  static {
    try {
      DATA = Files.createTempDirectory("outage-pg");
      try (ServerSocket socket = new ServerSocket(0)) {
        PORT = socket.getLocalPort();
      }
      postgres = startPostgres();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static final MutableClock CLOCK =
      new MutableClock(Instant.now().truncatedTo(ChronoUnit.MINUTES));

  static final DropwizardAppExtension<ShopConfiguration> APP =
      new DropwizardAppExtension<>(
          new DropwizardTestSupport<>(
              ShopApp.class,
              ResourceHelpers.resourceFilePath("shop.yml"),
              ConfigOverride.config(
                  "status.store.database.url", "jdbc:postgresql://localhost:" + PORT + "/postgres"),
              ConfigOverride.config("status.store.database.user", "postgres"),
              ConfigOverride.config("status.flush.interval", "1s")) {
            @Override
            public Application<ShopConfiguration> newApplication() {
              return new ShopApp(CLOCK);
            }
          });

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  /** Starts on the same data directory every time (initdb only the first time), like a restart. */
  private static EmbeddedPostgres startPostgres() throws IOException {
    return EmbeddedPostgres.builder()
        .setDataDirectory(DATA)
        .setCleanDataDirectory(false)
        .setPort(PORT)
        .setPGStartupWait(Duration.ofSeconds(60))
        .start();
  }

  @AfterAll
  static void stopPostgres() throws IOException {
    postgres.close();
    try (var files = Files.walk(DATA)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    }
  }

  private static StatusRuntime runtime() {
    return ((ShopApp) APP.getApplication()).bundle().runtime();
  }

  private static String app(String path) {
    return "http://localhost:" + APP.getLocalPort() + path;
  }

  /** Sends requests, all of which must succeed; returns each one's latency in microseconds. */
  private static List<Long> traffic(int requests) throws Exception {
    List<Long> latencies = new ArrayList<>();
    for (int i = 0; i < requests; i++) {
      long started = System.nanoTime();
      int status =
          HTTP.send(HttpRequest.newBuilder(URI.create(app("/hello"))).build(),
                  HttpResponse.BodyHandlers.discarding())
              .statusCode();
      latencies.add((System.nanoTime() - started) / 1_000);
      assertThat(status).isEqualTo(200);
    }
    return latencies;
  }

  private static JsonNode metrics() throws Exception {
    return new ObjectMapper()
        .readTree(
            HTTP.send(
                    HttpRequest.newBuilder(
                            URI.create("http://localhost:" + APP.getAdminPort() + "/metrics"))
                        .build(),
                    HttpResponse.BodyHandlers.ofString())
                .body());
  }

  private static long gauge(String name) throws Exception {
    return metrics().at("/gauges/trafficstatus." + name + "/value").asLong();
  }

  /** Waits, bounded, until the scheduled flusher has tried the store this many more times. */
  private static void awaitFailedWrites(long atLeast) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (gauge("flush.failed-writes") < atLeast && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    assertThat(gauge("flush.failed-writes")).isGreaterThanOrEqualTo(atLeast);
  }

  private static long p99(List<Long> micros) {
    List<Long> sorted = new ArrayList<>(micros);
    Collections.sort(sorted);
    return sorted.get((int) Math.ceil(sorted.size() * 0.99) - 1);
  }

  @Test
  void countsCapturedWhileTheDatabaseIsDownAreStoredExactlyWhenItIsBack() throws Exception {
    Instant start = CLOCK.instant();
    List<Long> before = traffic(100);
    CLOCK.advance(Duration.ofMinutes(1));

    postgres.close();
    List<Long> during = new ArrayList<>();
    for (int minute = 0; minute < 4; minute++) {
      during.addAll(traffic(100));
      CLOCK.advance(Duration.ofMinutes(1));
      awaitFailedWrites(minute + 1);
    }
    assertThat(gauge("flush.pending-buckets")).isBetween(4L, 5L);
    assertThat(gauge("flush.dropped-requests")).isZero();

    postgres = startPostgres();
    List<Long> after = traffic(100);
    // The store reconnects by itself; flush now (and again, bounded, while it reconnects).
    String flushed = "";
    for (int attempt = 0; attempt < 20 && !flushed.contains("pending: 0"); attempt++) {
      flushed =
          HTTP.send(
                  HttpRequest.newBuilder(
                          URI.create("http://localhost:" + APP.getAdminPort() + "/tasks/trafficstatus-flush"))
                      .POST(HttpRequest.BodyPublishers.noBody())
                      .build(),
                  HttpResponse.BodyHandlers.ofString())
              .body();
      if (!flushed.contains("pending: 0")) {
        Thread.sleep(500);
      }
    }
    assertThat(flushed).contains("pending: 0");
    StatusStore store = ((ShopApp) APP.getApplication()).bundle().runtime().store();
    Eventually.await(
        "all 600 requests stored",
        Duration.ofSeconds(10),
        () -> {
          runtime().flusher().flushAll();
          return store.readSince(start).stream().mapToLong(t -> t.tally().total()).sum() == 600;
        });

    List<RouteTally> stored = store.readSince(start);
    assertThat(stored).singleElement().satisfies(hello -> {
      assertThat(hello.route().rule()).isEqualTo("/hello");
      assertThat(hello.tally().total()).isEqualTo(600);
      assertThat(hello.tally().success()).isEqualTo(600);
    });
    assertThat(gauge("flush.pending-buckets")).isZero();
    // Figures for RELIABILITY.md, not assertions: timing is for benchmarks.
    System.out.printf(
        "outage: p99 latency before %d µs, during %d µs, after %d µs; failed writes %d%n",
        p99(before), p99(during), p99(after), gauge("flush.failed-writes"));
  }
}
