package dev.trafficstatus.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficstatus.server.testing.Eventually;
import dev.trafficstatus.server.testing.JarProcess;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the shaded jar the README tells newcomers to run, as a separate process: every plugin is
 * found from it, the server starts on the shipped config.yml with H2 under ./data and serves the
 * page (gzipped to clients that accept it), the schema is created on first start, and the db
 * command works on the same config.
 */
class ServerJarIT {

  private static final Path JAR = Path.of(System.getProperty("server.jar", "target/trafficstatus.jar"));
  private static final Path SHIPPED_CONFIG = Path.of("..", "config.yml");

  @TempDir Path workDir;

  @Test
  void theJarFindsEveryShippedPlugin() throws Exception {
    try (JarProcess plugins = JarProcess.start(JAR, workDir, Map.of(), "plugins")) {
      assertThat(plugins.waitForExit(Duration.ofSeconds(60))).isZero();
      assertThat(plugins.output())
          .contains("jersey (dev.trafficstatus.capture.jersey.JerseyCaptureFactory)")
          .contains("probe (dev.trafficstatus.capture.probe.ProbeCaptureFactory)")
          .contains("store: jdbi (dev.trafficstatus.store.jdbi.JdbiStoreFactory)")
          .contains("renderer: mustache (dev.trafficstatus.views.mustache.MustacheRendererFactory)");
    }
  }

  @Test
  void theJarServesThePageOnTheShippedConfigAndCreatesTheSchemaOnFirstStart() throws Exception {
    Files.copy(SHIPPED_CONFIG, workDir.resolve("config.yml"));
    int port = JarProcess.freePort();
    Map<String, String> ports =
        Map.of("PORT", String.valueOf(port), "ADMIN_PORT", String.valueOf(JarProcess.freePort()));
    try (JarProcess server = JarProcess.start(JAR, workDir, ports, "server", "config.yml")) {
      HttpResponse<String> page =
          server.awaitAnswer("http://localhost:" + port + "/status", Duration.ofSeconds(90));

      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(page.headers().firstValue("Content-Type"))
          .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
      assertThat(page.body()).contains("trafficstatus");
      HttpResponse<byte[]> zipped =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/status"))
                      .header("Accept-Encoding", "gzip")
                      .build(),
                  HttpResponse.BodyHandlers.ofByteArray());
      assertThat(zipped.headers().firstValue("Content-Encoding")).as("page gzipped").hasValue("gzip");
      assertThat(
              new String(
                  new GZIPInputStream(new ByteArrayInputStream(zipped.body())).readAllBytes(),
                  StandardCharsets.UTF_8))
          .contains("trafficstatus");
      assertThat(workDir.resolve("data/status.mv.db")).exists();
      // A token wrongly sent in a query string never reaches the request log in clear.
      HttpClient.newHttpClient()
          .send(
              HttpRequest.newBuilder(
                      URI.create("http://localhost:" + port + "/flask-status/configure?access_token=Xq9-never-logged"))
                  .build(),
              HttpResponse.BodyHandlers.discarding());
      Eventually.await(
          "the request logged",
          Duration.ofSeconds(10),
          () -> server.output().contains("GET /flask-status/configure HTTP/1.1"));
      assertThat(server.output())
          .contains("Traffic Status store: jdbi")
          .contains("healthchecks (every health check of the host but trafficstatus-*, every 10 seconds")
          .contains("Traffic Status page: http://localhost:" + port + "/status")
          .contains("\"GET /flask-status/configure HTTP/1.1\" 404")
          .doesNotContain("Xq9-never-logged");
      assertThat(server.stop()).as("graceful stop").isIn(0, 143);
    }

    try (JarProcess status = JarProcess.start(JAR, workDir, Map.of(), "db", "status", "config.yml")) {
      assertThat(status.waitForExit(Duration.ofSeconds(60))).isZero();
      assertThat(status.output()).contains("The schema is up to date.");
    }
  }
}
