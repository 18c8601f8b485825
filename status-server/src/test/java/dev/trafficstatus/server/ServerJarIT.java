package dev.trafficstatus.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
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

  private Process start(Map<String, String> env, String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of(javaBin(), "-jar", JAR.toAbsolutePath().toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(workDir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(workDir.resolve("out-" + args[0] + ".log").toFile());
    builder.environment().putAll(env);
    return builder.start();
  }

  private String output(String command) throws IOException {
    return Files.readString(workDir.resolve("out-" + command + ".log"), StandardCharsets.UTF_8);
  }

  private static String javaBin() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  @Test
  void theJarFindsEveryShippedPlugin() throws Exception {
    Process plugins = start(Map.of(), "plugins");
    assertThat(plugins.waitFor(60, TimeUnit.SECONDS)).isTrue();

    assertThat(plugins.exitValue()).isZero();
    assertThat(output("plugins"))
        .contains("capture: jersey (dev.trafficstatus.capture.jersey.JerseyCaptureFactory)")
        .contains("store: jdbi (dev.trafficstatus.store.jdbi.JdbiStoreFactory)")
        .contains("renderer: mustache (dev.trafficstatus.views.mustache.MustacheRendererFactory)");
  }

  @Test
  void theJarServesThePageOnTheShippedConfigAndCreatesTheSchemaOnFirstStart() throws Exception {
    assertThat(JAR).exists();
    Files.copy(SHIPPED_CONFIG, workDir.resolve("config.yml"));
    int port = freePort();
    int adminPort = freePort();
    Process server =
        start(Map.of("PORT", String.valueOf(port), "ADMIN_PORT", String.valueOf(adminPort)),
            "server", "config.yml");
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    try {
      HttpResponse<String> page = null;
      long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
      while (System.nanoTime() < deadline && server.isAlive()) {
        try {
          page = http.send(
              HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/status")).build(),
              HttpResponse.BodyHandlers.ofString());
          break;
        } catch (IOException notYet) {
          Thread.sleep(250);
        }
      }
      assertThat(page).as("server output:%n%s", output("server")).isNotNull();
      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(
          type -> assertThat(type).startsWith("text/html"));
      assertThat(page.body()).contains("trafficstatus");
      HttpResponse<byte[]> zipped = http.send(
          HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/status"))
              .header("Accept-Encoding", "gzip").build(),
          HttpResponse.BodyHandlers.ofByteArray());
      assertThat(zipped.headers().firstValue("Content-Encoding")).as("page gzipped").hasValue("gzip");
      assertThat(new String(new GZIPInputStream(new ByteArrayInputStream(zipped.body())).readAllBytes(),
          StandardCharsets.UTF_8)).contains("trafficstatus");
      assertThat(workDir.resolve("data/status.mv.db")).exists();
      assertThat(output("server"))
          .contains("Traffic Status store: jdbi")
          .contains("Traffic Status page: http://localhost:" + port + "/status");
    } finally {
      server.destroy();
      assertThat(server.waitFor(60, TimeUnit.SECONDS)).as("graceful stop").isTrue();
    }

    Process status = start(Map.of(), "db", "status", "config.yml");
    assertThat(status.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(output("db")).contains("The schema is up to date.");
  }
}
