package dev.trafficstatus.bench.app;

import dev.trafficstatus.bench.LatencySamples;
import dev.trafficstatus.server.StatusBundle;
import dev.trafficstatus.server.StatusConfiguration;
import dev.trafficstatus.server.wiring.StatusRuntime;
import dev.trafficstatus.spi.RouteDescriptor;
import dev.trafficstatus.spi.RouteKey;
import dev.trafficstatus.spi.store.MinuteBucket;
import dev.trafficstatus.spi.store.Retention;
import dev.trafficstatus.spi.store.StatusStore;
import io.dropwizard.configuration.EnvironmentVariableSubstitutor;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.core.Application;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The app {@code bench/wrk-page.sh} loads: the status page alone, over a store it seeds itself once
 * the server has started with {@code BENCH_ROUTES} routes (103 by default, as in issue 14.3) and a
 * year of days, every closed day rolled up, and shows them at once.
 *
 * <p>Run: {@code java -cp bench/target/benchmarks.jar dev.trafficstatus.bench.app.PageBenchApp
 * server bench/wrk/page-app.yml}.
 */
public class PageBenchApp extends Application<StatusConfiguration> {

  private static final int DAYS = 365;

  private static final long REQUESTS_PER_DAY = 100_000;

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
    environment.lifecycle().addServerLifecycleListener(server -> seed(bundle.runtime(), routes));
  }

  /** A year of one busy day per route, rolled up, and the current minute; then shown at once. */
  private static void seed(StatusRuntime runtime, int routes) {
    StatusStore store = runtime.store();
    Instant now = Instant.now();
    List<RouteKey> keys = new ArrayList<>(routes);
    List<RouteDescriptor> descriptors = new ArrayList<>(routes);
    for (int r = 0; r < routes; r++) {
      RouteKey key = new RouteKey("bench", "/api/v1/resource" + r + "/{id}");
      keys.add(key);
      descriptors.add(new RouteDescriptor(key, "Resource " + r, "Reads resource " + r + ".", "Group " + r % 10));
    }
    store.declareRoutes(descriptors);
    LatencySamples samples = new LatencySamples(11);
    LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
    for (int back = DAYS - 1; back >= 0; back--) {
      Instant minute = back == 0
          ? now.truncatedTo(ChronoUnit.MINUTES).minus(1, ChronoUnit.MINUTES)
          : today.minusDays(back).atTime(12, 0).toInstant(ZoneOffset.UTC);
      List<MinuteBucket> day = new ArrayList<>(routes);
      for (int r = 0; r < routes; r++) {
        long requests = back == 0 ? 1_000 : REQUESTS_PER_DAY + 1_000L * r;
        day.add(new MinuteBucket(keys.get(r), minute, "bench-seed", samples.tally(requests, back * 31 + r)));
      }
      store.writeMinutes(day);
    }
    store.maintain(now, Retention.defaults());
    runtime.forgetCachedPages();
  }
}
