package dev.trafficstatus.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The configure API as users turn it on: the shaded jar, the shipped config.yml, and the secret in
 * the environment. A short secret stops start-up with a message that names the key; a good one is
 * never written to the output.
 */
class ConfigureApiJarIT {

  private static final Path JAR = Path.of(System.getProperty("server.jar", "target/trafficstatus.jar"));
  private static final String SECRET = "4f1b6c0e9a2d47f3b8e5c1a9d0f2e7b3";

  @TempDir Path workDir;

  private Process start(Map<String, String> env) throws IOException {
    Files.copy(Path.of("..", "config.yml"), workDir.resolve("config.yml"));
    ProcessBuilder builder =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toAbsolutePath().toString(), "server", "config.yml")
            .directory(workDir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(workDir.resolve("out.log").toFile());
    builder.environment().putAll(env);
    return builder.start();
  }

  private String output() throws IOException {
    return Files.readString(workDir.resolve("out.log"), StandardCharsets.UTF_8);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  @Test
  void aShortSecretStopsStartUpWithAMessageThatNamesTheKeyButNotTheSecret() throws Exception {
    Process server =
        start(Map.of("STATUS_API_ENABLED", "true", "STATUS_API_SECRET", "hunter2-short",
            "PORT", String.valueOf(freePort()), "ADMIN_PORT", String.valueOf(freePort())));

    assertThat(server.waitFor(90, TimeUnit.SECONDS)).isTrue();
    assertThat(server.exitValue()).isNotZero();
    assertThat(output())
        .contains("status.api.secret must be at least 16 printable ASCII characters")
        .doesNotContain("hunter2-short");
  }

  @Test
  void anEnabledApiAnswersWithTheSecretFromTheEnvironmentAndNeverLogsIt() throws Exception {
    int port = freePort();
    Process server =
        start(Map.of("STATUS_API_ENABLED", "true", "STATUS_API_SECRET", SECRET,
            "PORT", String.valueOf(port), "ADMIN_PORT", String.valueOf(freePort())));
    ApiClient client = new ApiClient("http://localhost:" + port);
    try {
      ApiClient.Answer list = null;
      long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
      // Until the store has started in the background the API answers 503 with Retry-After.
      while ((list == null || list.status() == 503) && System.nanoTime() < deadline && server.isAlive()) {
        try {
          list = client.authorized("GET", "/flask-status/configure", null, SECRET);
        } catch (RuntimeException notYet) {
          // Not listening yet.
        }
        if (list == null || list.status() == 503) {
          Thread.sleep(250);
        }
      }
      assertThat(list).as("server output:%n%s", output()).isNotNull();
      assertThat(list.status()).isEqualTo(200);
      assertThat(client.get("/flask-status/configure").status()).isEqualTo(401);
      assertThat(client.authorized("DELETE", "/flask-status/configure", "{\"rule\": \"/\"}", SECRET).status())
          .as("the standalone server has no route / of its own")
          .isEqualTo(404);
    } finally {
      server.destroy();
      assertThat(server.waitFor(60, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(output())
        .contains("Traffic Status configure API: http://localhost:" + port + "/flask-status/configure")
        .doesNotContain(SECRET);
    assertThat(List.of(workDir.toFile().list())).contains("data");
  }
}
