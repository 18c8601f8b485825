package dev.trafficstatus.bench.app;

import dev.trafficstatus.server.StatusBundle;
import dev.trafficstatus.server.StatusConfiguration;
import io.dropwizard.configuration.EnvironmentVariableSubstitutor;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.core.Application;
import io.dropwizard.core.Configuration;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.jersey.setup.JerseyEnvironment;
import jakarta.ws.rs.core.MediaType;
import org.glassfish.jersey.server.model.Resource;

/**
 * The app {@code bench/memory.sh} loads: a host of 100 routes ({@code GET
 * /api/v1/resource<r>/{id}}, answered at once) with the status bundle, its Jersey capture on and
 * its page over a year, the store filled with a year of those routes once the server has started.
 * {@link WithoutStatus} is the same host without the bundle, to tell what the bundle adds to the
 * heap.
 *
 * <p>Run: {@code java -cp bench/target/benchmarks.jar dev.trafficstatus.bench.app.HundredRoutesApp
 * server bench/wrk/memory-app.yml}.
 */
public final class HundredRoutesApp extends Application<StatusConfiguration> {

  /** The host's routes. */
  static final int ROUTES = 100;

  private final StatusBundle<StatusConfiguration> bundle =
      new StatusBundle<>(StatusConfiguration::getStatus);

  /**
   * Starts the app.
   *
   * @param args Dropwizard's command line
   * @throws Exception when it cannot start
   */
  public static void main(String[] args) throws Exception {
    new HundredRoutesApp().run(args);
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
    bootstrap.addBundle(bundle);
  }

  @Override
  public void run(StatusConfiguration configuration, Environment environment) {
    registerRoutes(environment.jersey());
    environment.lifecycle().addServerLifecycleListener(server -> YearOfDays.fillOnceConnected(bundle.runtime(), ROUTES));
  }

  /** The host's resources, built in code: one template per route, as {@link YearOfDays} names them. */
  static void registerRoutes(JerseyEnvironment jersey) {
    for (int r = 0; r < ROUTES; r++) {
      Resource.Builder route = Resource.builder(YearOfDays.key(r).rule());
      route.addMethod("GET").produces(MediaType.TEXT_PLAIN_TYPE).handledBy(request -> "ok");
      jersey.getResourceConfig().registerResources(route.build());
    }
  }

  /** The same host without the status bundle ({@code bench/wrk/memory-app-without.yml}). */
  public static final class WithoutStatus extends Application<Configuration> {

    /**
     * Starts the app.
     *
     * @param args Dropwizard's command line
     * @throws Exception when it cannot start
     */
    public static void main(String[] args) throws Exception {
      new WithoutStatus().run(args);
    }

    @Override
    public String getName() {
      return "bench";
    }

    @Override
    public void initialize(Bootstrap<Configuration> bootstrap) {
      bootstrap.setConfigurationSourceProvider(
          new SubstitutingSourceProvider(
              bootstrap.getConfigurationSourceProvider(), new EnvironmentVariableSubstitutor(true)));
    }

    @Override
    public void run(Configuration configuration, Environment environment) {
      registerRoutes(environment.jersey());
    }
  }
}
