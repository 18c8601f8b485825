package dev.trafficstatus.core.notify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficstatus.spi.store.EventType;
import dev.trafficstatus.spi.store.OutboxEvent;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The JSON a webhook posts: the stored payload with the event's id and time in front. */
class NotificationComposerTest {

  private static final Instant AT = Instant.parse("2026-03-01T12:00:00.250Z");

  private static OutboxEvent event(String payload) {
    return new OutboxEvent("abcdefghijkl", EventType.INCIDENT_OPENED, "0123456789ab", AT, payload);
  }

  @Test
  void theIdAndTimeGoInFrontOfThePayloadsFields() {
    assertThat(NotificationComposer.json(event(" {\"event\":\"incident.opened\",\"incident\":{}}\n")))
        .isEqualTo("{\"id\":\"abcdefghijkl\",\"created_at\":\"2026-03-01T12:00:00.250Z\","
            + "\"event\":\"incident.opened\",\"incident\":{}}");
    assertThat(NotificationComposer.json(event("{ }")))
        .isEqualTo("{\"id\":\"abcdefghijkl\",\"created_at\":\"2026-03-01T12:00:00.250Z\"}");
  }

  @Test
  void aPayloadThatIsNoObjectIsKeptWhole() {
    assertThat(NotificationComposer.json(event("[1,2]")))
        .isEqualTo("{\"id\":\"abcdefghijkl\",\"created_at\":\"2026-03-01T12:00:00.250Z\","
            + "\"event\":\"incident.opened\",\"payload\":[1,2]}");
  }
}
