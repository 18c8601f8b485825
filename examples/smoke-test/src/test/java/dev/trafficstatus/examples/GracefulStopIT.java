package dev.trafficstatus.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A stop (SIGTERM) in the middle of traffic loses nothing that was captured before it: every
 * request that got its answer is in the database after the process exited.
 */
class GracefulStopIT {

  @TempDir Path workDir;

  @Test
  void everyAnsweredRequestIsStoredAfterAStopDuringTraffic() throws Exception {
    ExampleApp app = ExampleApp.start("hello-world", workDir, Map.of());
    AtomicBoolean running = new AtomicBoolean(true);
    AtomicLong answeredSoFar = new AtomicLong();
    ExecutorService clients = Executors.newFixedThreadPool(4);
    List<Future<Long>> answered = new ArrayList<>();
    for (int c = 0; c < 4; c++) {
      answered.add(
          clients.submit(
              () -> {
                long ok = 0;
                // Bounded: at most 20,000 requests per client, and it ends when the server does.
                for (int i = 0; i < 20_000 && running.get(); i++) {
                  try {
                    if (app.get("/") == 200) {
                      ok++;
                      answeredSoFar.incrementAndGet();
                    }
                  } catch (java.io.IOException serverGone) {
                    break;
                  }
                }
                return ok;
              }));
    }
    // Stop in the middle of traffic: once a few hundred requests were answered, clients still going.
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (answeredSoFar.get() < 300 && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    app.process.stop();
    running.set(false);
    long sent = 0;
    for (Future<Long> client : answered) {
      sent += client.get(60, TimeUnit.SECONDS);
    }
    clients.shutdownNow();
    app.close();

    assertThat(sent).isGreaterThanOrEqualTo(300);
    try (Connection db =
            DriverManager.getConnection(
                "jdbc:h2:" + workDir.resolve("data/hello-world").toAbsolutePath(), "sa", "");
        ResultSet stored =
            db.createStatement()
                .executeQuery(
                    "SELECT SUM(m.total) FROM status_minutes m JOIN status_routes r"
                        + " ON r.id = m.route_id WHERE r.rule = '/'")) {
      stored.next();
      assertThat(stored.getLong(1)).isEqualTo(sent);
    }
  }
}
