package dev.trafficstatus.core.notice;

import dev.trafficstatus.spi.notice.Notice;
import dev.trafficstatus.spi.store.EventType;
import java.util.Optional;

/**
 * Writes what an outbox event carries, as JSON text: the server implements it (the notice as
 * Statuspage's incident object), the core has no JSON of its own.
 */
@FunctionalInterface
public interface NoticePayloads {

  /**
   * The payload of an event about a notice.
   *
   * @param type what happened
   * @param notice the notice after the change
   * @return JSON text
   */
  String payload(EventType type, Notice notice);

  /**
   * The page events are about, {@code {"id", "name", "url"}}, as a notice's payload carries it; a
   * webhook's body of any other event gets it too.
   *
   * @return JSON text, or empty when these payloads name no page
   */
  default Optional<String> page() {
    return Optional.empty();
  }
}
