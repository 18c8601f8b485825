package dev.trafficstatus.server.wiring;

import dev.trafficstatus.core.connect.ConnectingStore;
import dev.trafficstatus.core.evaluate.Evaluator;
import dev.trafficstatus.core.evaluate.MaintenanceWindowSettings;
import dev.trafficstatus.core.notice.NoticeIds;
import dev.trafficstatus.core.notice.NoticePayloads;
import dev.trafficstatus.core.notice.NoticeService;
import dev.trafficstatus.core.status.ShownRoutes;
import dev.trafficstatus.server.config.StatusFactory;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * What incidents and maintenances need, when the store keeps them: their one writer, and the
 * evaluator that moves them with the traffic and the clock (in every process; the store lets one
 * at a time run it).
 *
 * @param service the one writer of notices
 * @param evaluator the evaluator
 */
record NoticeParts(NoticeService service, Evaluator evaluator) {

  NoticeParts {
    Objects.requireNonNull(service, "service");
    Objects.requireNonNull(evaluator, "evaluator");
  }

  /**
   * Builds them; starts nothing.
   *
   * @param config the {@code status:} block
   * @param store the store
   * @param serviceName the service this process records under
   * @param clock the clock
   * @param payloads what outbox events carry
   * @return the parts, or empty when the store keeps no notices
   */
  static Optional<NoticeParts> assemble(
      StatusFactory config, ConnectingStore store, String serviceName, Clock clock,
      NoticePayloads payloads) {
    MaintenanceWindowSettings maintenance = config.getMaintenance().build(serviceName);
    return store.notices().map(kept -> {
      NoticeService service =
          new NoticeService(kept, clock, new NoticeIds(new SecureRandom()), payloads,
              maintenance.maxDuration());
      Evaluator evaluator =
          new Evaluator(
              store,
              service,
              config.getHealth().build(),
              new ShownRoutes(config.getPage().build(serviceName)),
              config.getIncidents().getAuto().build(),
              maintenance,
              config.getObjectives().build(),
              serviceName,
              clock,
              Slf4jSystemLogger.of(Evaluator.class));
      return new NoticeParts(service, evaluator);
    });
  }
}
