package dev.trafficstatus.server.page;

import dev.trafficstatus.server.StatusBundle;
import dev.trafficstatus.server.StatusConfiguration;
import dev.trafficstatus.server.wiring.StatusRuntime;
import io.dropwizard.core.Application;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.DropwizardTestSupport;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.util.Map;

/**
 * A host app on {@code page-gated.yml}: the status bundle over a {@link GatedStore} whose reads a
 * test can hang or fail, a small Jetty thread pool, and one route of its own, {@code /ping}, that
 * must keep answering whatever the store does.
 */
public final class GatedStoreApp extends Application<StatusConfiguration> {

  private final Clock clock;
  private StatusBundle<StatusConfiguration> bundle;

  /**
   * @param clock what "now" is for the bundle
   */
  public GatedStoreApp(Clock clock) {
    this.clock = clock;
  }

  @Override
  public String getName() {
    return "shop";
  }

  @Override
  public void initialize(Bootstrap<StatusConfiguration> bootstrap) {
    bundle = new StatusBundle<>(StatusConfiguration::getStatus)
        .withClock(clock)
        .withPlugins(new GatedStoreFactory());
    bootstrap.addBundle(bundle);
  }

  @Override
  public void run(StatusConfiguration configuration, Environment environment) {
    environment.jersey().register(new Ping());
  }

  /** The host's own route. */
  @Path("/ping")
  public static final class Ping {

    /** Answers at once. */
    @GET
    @Produces(MediaType.TEXT_PLAIN)
    public String ping() {
      return "pong";
    }
  }

  /**
   * The app for a test class.
   *
   * @param name unique per app, for its system property prefix
   * @param clock the app's clock
   * @param settings further settings, such as {@code status.store.hung: true}
   * @return the extension
   */
  static DropwizardAppExtension<StatusConfiguration> extension(
      String name, Clock clock, Map<String, String> settings) {
    String prefix = "page-gated-" + name;
    ConfigOverride[] overrides = settings.entrySet().stream()
        .map(setting -> ConfigOverride.config(prefix, setting.getKey(), setting.getValue()))
        .toArray(ConfigOverride[]::new);
    return new DropwizardAppExtension<>(
        new DropwizardTestSupport<>(
            GatedStoreApp.class, ResourceHelpers.resourceFilePath("page-gated.yml"), prefix,
            overrides) {
          @Override
          public Application<StatusConfiguration> newApplication() {
            return new GatedStoreApp(clock);
          }
        });
  }

  /**
   * The running app's runtime.
   *
   * @param app the started extension
   * @return its runtime
   */
  static StatusRuntime runtime(DropwizardAppExtension<StatusConfiguration> app) {
    return ((GatedStoreApp) app.getApplication()).bundle.runtime();
  }

  /**
   * The running app's store.
   *
   * @param app the started extension
   * @return its gated store
   */
  static GatedStore store(DropwizardAppExtension<StatusConfiguration> app) {
    return (GatedStore) runtime(app).pluginStore();
  }
}
