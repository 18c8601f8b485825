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

/**
 * The app {@code bench/wrk-capture.sh} loads: a host app with the status bundle and a trivial
 * resource, so what wrk measures is the framework plus whatever observes the request. {@code GET
 * /plain} is the resource itself; {@code GET /timed} is the same with Dropwizard Metrics'
 * {@code @Timed}, the baseline the capture is compared with. Whether the capture is on is the
 * configuration's {@code status.captures} ({@code bench/wrk/bench-app.yml} reads it from the
 * environment).
 *
 * <p>Run: {@code java -cp bench/target/benchmarks.jar dev.trafficstatus.bench.app.BenchApp server
 * bench/wrk/bench-app.yml}.
 */
public class BenchApp extends Application<StatusConfiguration> {

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
