package dev.trafficstatus.server.api;

import dev.trafficstatus.core.notice.NoticeService;
import dev.trafficstatus.server.jersey.RelocatedResource;
import dev.trafficstatus.spi.store.NoticeStore;
import dev.trafficstatus.spi.store.StatusStore;
import io.dropwizard.jersey.setup.JerseyEnvironment;
import java.time.Clock;
import java.time.ZoneId;

/**
 * Registers the incident and maintenance API under the configure API's path and bearer token
 * ({@code <api.path>/incidents}, {@code <api.path>/maintenances}) and the delivery log of their
 * notifications ({@code <api.path>/notifications}). The bearer filter is the one
 * {@link ConfigureApiRoutes} registers; these resources carry its binding.
 */
public final class NoticeApiRoutes {

  private NoticeApiRoutes() {}

  /**
   * The page's side of the answers: where it is, what it is called.
   *
   * @param pageId the page's id
   * @param publicUrl the page's absolute URL, or null to take it from each request
   * @param prefix where the page is served, or null when this process serves none
   * @param zone the page's time zone
   */
  public record PageFacts(String pageId, String publicUrl, String prefix, ZoneId zone) {}

  /**
   * Serves the API.
   *
   * @param jersey the host's Jersey environment
   * @param apiPath the configure API's path
   * @param notices the one writer of notices
   * @param noticeStore where notices are read
   * @param store the store, for route names and ids
   * @param page the page's facts
   * @param onChange called after every change, so the page shows it at once
   * @param clock what "now" is
   */
  public static void register(
      JerseyEnvironment jersey,
      String apiPath,
      NoticeService notices,
      NoticeStore noticeStore,
      StatusStore store,
      PageFacts page,
      Runnable onChange,
      Clock clock) {
    NoticeAnswers answers =
        new NoticeAnswers(store, page.pageId(), page.publicUrl(), page.prefix(), page.zone(), clock);
    NoticeOperations operations = new NoticeOperations(notices, noticeStore, answers, onChange, clock);
    jersey.getResourceConfig().registerResources(
        RelocatedResource.at(apiPath + "/incidents", new IncidentApiResource(operations)),
        RelocatedResource.at(apiPath + "/maintenances", new MaintenanceApiResource(operations)));
    // The delivery log, where the store keeps an outbox (else its path answers 404).
    store.outbox().ifPresent(outbox -> jersey.getResourceConfig().registerResources(
        RelocatedResource.at(apiPath + "/notifications",
            new NotificationApiResource(outbox, noticeStore, answers))));
  }
}
