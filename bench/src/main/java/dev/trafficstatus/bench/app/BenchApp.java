package dev.trafficstatus.bench.app;

import com.codahale.metrics.annotation.Timed;
import dev.trafficstatus.server.StatusBundle;
import dev.trafficstatus.server.StatusConfiguration;
import io.dropwizard.configuration.EnvironmentVariableSubstitutor;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.core.Application;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The app {@code bench/wrk-capture.sh} loads: a host app with the status bundle and a trivial
 * resource, so what wrk measures is the framework plus whatever observes the request. {@code GET
 * /plain} is the resource itself; {@code GET /timed} is the same with Dropwizard Metrics'
 * {@code @Timed}, the baseline the capture is compared with. Whether the capture is on is the
 * configuration's {@code status.captures} ({@code bench/wrk/bench-app.yml} reads it from the
 * environment).
 *
 * <p>Run: {@code java -cp bench/target/benchmarks.jar dev.trafficstatus.bench.app.BenchApp server
 * bench/wrk/bench-app.yml}. {@code RequestPathBenchmark} runs the same app in its own JVM.
 */
public final class BenchApp extends Application<StatusConfiguration> {

  private final Consumer<Environment> onRun;

  /** The app as the wrk scripts run it. */
  public BenchApp() {
    this(environment -> {});
  }

  /**
   * The app, with something more done when it runs: how an in-process benchmark reaches the Jetty
   * server and the metrics of the app it started.
   *
   * @param onRun called at the end of {@link #run}, with the app's environment
   */
  public BenchApp(Consumer<Environment> onRun) {
    this.onRun = Objects.requireNonNull(onRun, "onRun");
  }

  /**
   * Starts the app.
   *
   * @param args Dropwizard's command line, such as {@code server bench/wrk/bench-app.yml}
   * @throws Exception when it cannot start
   */
  public static void main(String[] args) throws Exception {
    new BenchApp().run(args);
  }

  @Override
  public String getName() {
    return "bench";
  }

  @Override
  public void initialize(Bootstrap<StatusConfiguration> bootstrap) {
    bootstrap.setConfigurationSourceProvider(
        new SubstitutingSourceProvider(
            bootstrap.getConfigurationSourceProvider(), new EnvironmentVariableSubstitutor(true)));
    bootstrap.addBundle(new StatusBundle<>(StatusConfiguration::getStatus));
  }

  @Override
  public void run(StatusConfiguration configuration, Environment environment) {
    environment.jersey().register(new TrivialResource());
    onRun.accept(environment);
  }

  /** Answers at once, so the cost of observing a request is as visible as it can be. */
  @Path("/")
  @Produces(MediaType.TEXT_PLAIN)
  public static final class TrivialResource {

    /** The resource alone. */
    @GET
    @Path("plain")
    public String plain() {
      return "ok";
    }

    /** The same, timed by Dropwizard Metrics. */
    @GET
    @Path("timed")
    @Timed
    public String timed() {
      return "ok";
    }
  }
}
