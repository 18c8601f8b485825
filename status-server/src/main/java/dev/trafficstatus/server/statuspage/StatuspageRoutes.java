package dev.trafficstatus.server.statuspage;

import dev.trafficstatus.core.status.HealthPolicy;
import dev.trafficstatus.core.status.StatusService;
import dev.trafficstatus.server.jersey.RelocatedResource;
import io.dropwizard.jersey.setup.JerseyEnvironment;
import java.time.Clock;

/**
 * Registers the public projections of the page with the host's Jersey: the badges under the page's
 * prefix, and the Statuspage API at its own path when it is on. Nothing global: no filter, no
 * exception mapper; CORS headers are the resources' own.
 */
public final class StatuspageRoutes {

  private StatuspageRoutes() {}

  /**
   * Serves the badges at {@code <prefix>/badge/} and, unless {@code apiPath} is null, the
   * Statuspage API there.
   *
   * @param jersey the host's Jersey environment
   * @param service the page's figures
   * @param policy the page's health thresholds
   * @param prefix where the page is served, such as {@code /status}
   * @param apiPath where the Statuspage API is served, such as {@code /api/v2}, or null when off
   * @param pageId the page's id
   * @param publicUrl the page's absolute URL, or null to take it from each request
   * @param clock what "now" is
   */
  public static void register(
      JerseyEnvironment jersey,
      StatusService service,
      HealthPolicy policy,
      String prefix,
      String apiPath,
      String pageId,
      String publicUrl,
      Clock clock) {
    jersey.getResourceConfig().registerResources(
        RelocatedResource.at(prefix + "/badge", new BadgeResource(service, policy, clock)));
    if (apiPath != null) {
      jersey.getResourceConfig().registerResources(RelocatedResource.at(
          apiPath, new StatuspageResource(service, pageId, publicUrl, prefix, clock)));
    }
  }
}
