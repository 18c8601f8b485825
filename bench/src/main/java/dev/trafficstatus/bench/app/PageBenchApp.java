package dev.trafficstatus.bench.app;

import dev.trafficstatus.server.StatusBundle;
import dev.trafficstatus.server.StatusConfiguration;
import io.dropwizard.configuration.EnvironmentVariableSubstitutor;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.core.Application;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;

/**
 * The app {@code bench/wrk-page.sh} loads: the status page alone, over a store it fills itself once
 * the server has started with {@code BENCH_ROUTES} routes (103 by default, as in issue 14.3) and a
 * year of days, every closed day rolled up, and shows them at once.
 *
 * <p>Run: {@code java -cp bench/target/benchmarks.jar dev.trafficstatus.bench.app.PageBenchApp
 * server bench/wrk/page-app.yml}.
 */
public class PageBenchApp extends Application<StatusConfiguration> {

  private final StatusBundle<StatusConfiguration> bundle =
      new StatusBundle<>(StatusConfiguration::getStatus);

  /**
   * Starts the app.
   *
   * @param args Dropwizard's command line, such as {@code server bench/wrk/page-app.yml}
   * @throws Exception when it cannot start
   */
  public static void main(String[] args) throws Exception {
    new PageBenchApp().run(args);
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
    int routes = Integer.parseInt(System.getenv().getOrDefault("BENCH_ROUTES", "103"));
    environment.lifecycle().addServerLifecycleListener(server -> YearOfDays.fillOnceConnected(bundle.runtime(), routes));
  }
}
