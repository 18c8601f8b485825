package dev.trafficstatus.server.api;

import dev.trafficstatus.core.fleet.InstanceSettings;
import dev.trafficstatus.server.config.ApiFactory;
import dev.trafficstatus.server.jersey.RelocatedResource;
import dev.trafficstatus.spi.store.StatusStore;
import io.dropwizard.jersey.setup.JerseyEnvironment;
import java.time.Clock;
import java.util.function.IntSupplier;

/**
 * Registers the configure API with the host's Jersey under the configured path: the resource and
 * its name-bound bearer filter, nothing global (no {@code AuthDynamicFeature}, no {@code @Auth}
 * binder, no exception mapper), so a host app's own authentication keeps working as before.
 */
public final class ConfigureApiRoutes {

  private ConfigureApiRoutes() {}

  /**
   * Serves the API at the configured path.
   *
   * @param jersey the host's Jersey environment
   * @param api the {@code status.api} block, enabled and validated
   * @param store the store whose routes the API edits
   * @param service the service of routes whose request names none (this app's)
   * @param onChange called after every change, so a cached page shows it at once
   * @param declarePending makes the routes declared so far known to the store now
   * @param instances when an instance counts as silent, for {@code <api.path>/instances}
   * @param clock what "now" is
   */
  public static void register(
      JerseyEnvironment jersey,
      ApiFactory api,
      StatusStore store,
      String service,
      Runnable onChange,
      IntSupplier declarePending,
      InstanceSettings instances,
      Clock clock) {
    ConfigureApiResource resource =
        new ConfigureApiResource(store, service, api.getPath(), onChange, declarePending, clock);
    jersey.getResourceConfig().registerResources(
        RelocatedResource.at(api.getPath(), resource),
        RelocatedResource.at(
            api.getPath() + "/instances", new InstancesApiResource(store, instances, clock)));
    jersey.register(BearerTokenAuthFilter.acceptingOnly(api.getSecret()));
  }
}
