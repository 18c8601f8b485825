package dev.trafficstatus.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several processes against one real PostgreSQL, configured only by the documented environment
 * variables: two instances of one service each count their own requests and both pages show the
 * sum; the standalone server on the shipped config.yml, a central page, shows them too.
 */
class MultiInstanceIT {

  @RegisterExtension static final SharedPostgres POSTGRES = new SharedPostgres();

  @TempDir Path workDir;

  @Test
  void instancesOnOnePostgresShowTheSummedCountsOnEveryPage() throws Exception {
    Map<String, String> shared = POSTGRES.env();
    Files.copy(ExampleApp.SERVER_CONFIG, workDir.resolve("config.yml"));
    try (ExampleApp first = ExampleApp.start("hello-world", workDir, shared);
        ExampleApp second = ExampleApp.start("hello-world", workDir, shared);
        ExampleApp central = ExampleApp.startServer(workDir, shared)) {
      for (int i = 0; i < 5; i++) {
        assertThat(first.get("/")).isEqualTo(200);
      }
      for (int i = 0; i < 7; i++) {
        assertThat(second.get("/")).isEqualTo(200);
      }
      // Each flush task writes its own process's counts and forgets its own page's cache.
      second.flush();
      first.awaitRequests("/", 12);
      second.awaitRequests("/", 12);
      central.awaitRequests("/", 12);

      // The central server's own health check (config.yml's health-check capture) is a route too.
      assertThat(central.routes()).containsKey("healthcheck:deadlocks");
      assertThat(first.process.output()).doesNotContain("ERROR");
    }
  }
}
