package dev.trafficstatus.core.notice;

import dev.trafficstatus.spi.notice.Notice;
import dev.trafficstatus.spi.store.EventType;

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
}
