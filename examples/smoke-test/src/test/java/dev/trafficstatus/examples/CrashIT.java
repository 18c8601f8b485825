package dev.trafficstatus.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A process killed with SIGKILL under load loses at most what it counted since its last flush:
 * after a restart on the same H2 file the database opens, and holds every count flushed before the
 * kill.
 */
class CrashIT {

  @TempDir Path workDir;

  @Test
  void afterSigkillEveryCountFlushedBeforeTheKillIsStillStored() throws Exception {
    long flushed = 200;
    long unflushed = 150;
    try (ExampleApp app = ExampleApp.start("hello-world", workDir, Map.of())) {
      for (int i = 0; i < flushed; i++) {
        assertThat(app.get("/")).isEqualTo(200);
      }
      app.awaitRequests("/", flushed);
      for (int i = 0; i < unflushed; i++) {
        assertThat(app.get("/")).isEqualTo(200);
      }
      assertThat(app.process.kill()).isEqualTo(137);
    }

    try (ExampleApp restarted = ExampleApp.start("hello-world", workDir, Map.of())) {
      restarted.flush();
      long stored = restarted.routes().get("/").get("requests").asLong();
      // The minute being counted at the kill may have been flushed by the schedule, or not.
      assertThat(stored).isBetween(flushed, flushed + unflushed);
      assertThat(restarted.get("/")).isEqualTo(200);
      restarted.awaitRequests("/", stored + 1);
      assertThat(restarted.process.output()).doesNotContain("Exception");
      restarted.process.stop();
    }
  }
}
