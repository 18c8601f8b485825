package dev.trafficstatus.bench.request;

import com.codahale.metrics.Gauge;
import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.Timer;
import com.codahale.metrics.health.HealthCheckRegistry;
import dev.trafficstatus.bench.app.BenchApp;
import io.dropwizard.core.setup.Environment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.eclipse.jetty.server.LocalConnector;
import org.eclipse.jetty.server.Server;

/**
 * The bench app ({@link BenchApp}) started in this JVM, its application connector a Jetty {@link
 * LocalConnector} ({@code type: local}, {@link LocalConnectorFactory}), the status store an H2 file
 * in a fresh temporary directory, no request log. The admin connector is a real one on a free
 * loopback port, as Dropwizard insists on one.
 */
final class InProcessApp implements AutoCloseable {

  /** The store's health check, as the bundle registers it. */
  private static final String STORE_CHECK = "trafficstatus-store";

  private final Path work;
  private final Server server;
  private final MetricRegistry metrics;

  private InProcessApp(Path work, Server server, MetricRegistry metrics) {
    this.work = work;
    this.server = server;
    this.metrics = metrics;
  }

  /**
   * Starts the app.
   *
   * @param mode which captures the configuration lists
   * @return the app, serving
   * @throws Exception when it cannot start
   */
  static InProcessApp start(CaptureMode mode) throws Exception {
    Path work = Files.createTempDirectory("trafficstatus-request-bench");
    Path config = work.resolve("bench.yml");
    Files.writeString(
        config,
        """
        server:
          applicationConnectors: [{type: local}]
          adminConnectors: [{type: http, bindHost: 127.0.0.1, port: 0}]
          requestLog: {appenders: []}
        logging: {level: WARN}
        status:
          service: bench
          store: {type: jdbi, database: {url: "jdbc:h2:%s", user: sa, password: ""}}
          captures: %s
          page: {enabled: true}
        """
            .formatted(work.resolve("status").toAbsolutePath(), mode.captures()));
    AtomicReference<Server> server = new AtomicReference<>();
    AtomicReference<MetricRegistry> metrics = new AtomicReference<>();
    AtomicReference<HealthCheckRegistry> health = new AtomicReference<>();
    new BenchApp(
            (Environment environment) -> {
              metrics.set(environment.metrics());
              health.set(environment.healthChecks());
              environment.lifecycle().addServerLifecycleListener(server::set);
            })
        .run("server", config.toString());
    if (server.get() == null) {
      throw new IllegalStateException("the bench app returned without starting its server");
    }
    awaitStore(health.get());
    return new InProcessApp(work, server.get(), metrics.get());
  }

  /**
   * Waits until the store has connected and migrated its schema, which it does in the background
   * after start: on a busy machine that takes seconds of CPU, which would otherwise land in the
   * first measured iterations of whichever mode ran.
   */
  private static void awaitStore(HealthCheckRegistry health) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
    while (!health.runHealthCheck(STORE_CHECK).isHealthy()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("the status store did not connect within 5 minutes");
      }
      Thread.sleep(100);
    }
  }

  /** The application connector: raw HTTP in, raw HTTP out. */
  LocalConnector connector() {
    for (var connector : server.getConnectors()) {
      if (connector instanceof LocalConnector local) {
        return local;
      }
    }
    throw new IllegalStateException("no local connector: the configuration names type: local");
  }

  /** Requests the status capture counted, by its own gauge (read after {@link #close()}, it includes the last flush). */
  long capturedRequests() {
    Gauge<?> gauge = metrics.getGauges().get("trafficstatus.requests.captured");
    return gauge == null ? 0 : ((Number) gauge.getValue()).longValue();
  }

  /** Requests Dropwizard Metrics timed on the {@code @Timed} resource. */
  long timedRequests() {
    Timer timer = metrics.getTimers().get(BenchApp.TrivialResource.class.getName() + ".timed");
    return timer == null ? 0 : timer.getCount();
  }

  /** Stops the server (the bundle flushes what it counted) and deletes the H2 files. */
  @Override
  public void close() throws Exception {
    server.stop();
    try (Stream<Path> files = Files.walk(work)) {
      files.sorted(Comparator.reverseOrder()).forEach(InProcessApp::delete);
    }
  }

  private static void delete(Path path) {
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + path, e);
    }
  }
}
