package dev.trafficstatus.server.api;

import dev.trafficstatus.server.StatusRuntime;
import dev.trafficstatus.server.config.ApiFactory;
import dev.trafficstatus.server.jersey.RelocatedResource;
import io.dropwizard.jersey.setup.JerseyEnvironment;
import java.time.Clock;

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
   * @param runtime the pipeline whose store the API edits
   * @param api the {@code status.api} block, enabled and validated
   * @param jersey the host's Jersey environment
   * @param clock what "now" is
   */
  public static void register(
      StatusRuntime runtime, ApiFactory api, JerseyEnvironment jersey, Clock clock) {
    ConfigureApiResource resource =
        new ConfigureApiResource(
            runtime.store(),
            runtime.service(),
            api.getPath(),
            () -> {
              if (runtime.servesPage()) {
                runtime.statusService().invalidate();
              }
            },
            clock);
    jersey.getResourceConfig().registerResources(RelocatedResource.at(api.getPath(), resource));
    jersey.register(BearerTokenAuthFilter.acceptingOnly(api.getSecret()));
  }
}
