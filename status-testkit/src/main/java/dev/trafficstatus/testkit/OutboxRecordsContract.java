package dev.trafficstatus.testkit;

import static dev.trafficstatus.testkit.NoticeTestData.*;
import static dev.trafficstatus.testkit.OutboxSteps.*;
import static dev.trafficstatus.testkit.StoreTestData.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trafficstatus.spi.notice.Notice;
import dev.trafficstatus.spi.store.DeliveryAttempt;
import dev.trafficstatus.spi.store.DeliveryAttempt.Outcome;
import dev.trafficstatus.spi.store.EventType;
import dev.trafficstatus.spi.store.NoticeStore;
import dev.trafficstatus.spi.store.OutboxEvent;
import dev.trafficstatus.spi.store.OutboxStore;
import dev.trafficstatus.spi.store.StatusStore;
import dev.trafficstatus.spi.store.StoreException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/**
 * The outbox contract on what it keeps: events appended once, the log of attempts, retention,
 * names the outbox cannot keep, failures. Part of {@link OutboxContract}, which runs it.
 */
public interface OutboxRecordsContract extends StoreUnderTest {

  @Test
  default void eventsOfNoNoticeAreAppendedOnceAndDeliveredInOrder() throws Exception {
    StatusStore store = store();
    OutboxStore outbox = outbox(store);
    List<OutboxEvent> events =
        List.of(
            event(id("ev", 1), EventType.ROUTE_STATE_CHANGED, null, AT),
            event(id("ev", 2), EventType.ROUTE_STATE_CHANGED, null, AT.plusSeconds(1)));

    outbox.append(events);
    outbox.append(events);

    Instant now = AT.plusSeconds(5);
    assertThat(claim(outbox, Set.of(HOOK), now)).containsExactly(id("ev", 1) + ">hook#0");
    assertThat(drain(outbox, now.plusSeconds(120))).containsExactly(id("ev", 1), id("ev", 2));
  }

  @Test
  default void theEventsOfANoticeAreReadInTheOrderTheyWereWrittenUntilRetentionDeletesThem()
      throws Exception {
    StatusStore store = store();
    NoticeStore notices = notices(store);
    OutboxStore outbox = outbox(store);
    Notice first = notices.save(incident(id("inc", 1), AT),
        List.of(event(id("ev", 1), EventType.INCIDENT_OPENED, id("inc", 1), AT)));
    notices.save(incident(id("inc", 2), AT),
        List.of(event(id("ev", 2), EventType.INCIDENT_OPENED, id("inc", 2), AT)));
    notices.save(closed(first, AT.plusSeconds(10)),
        List.of(event(id("ev", 3), EventType.INCIDENT_RESOLVED, id("inc", 1), AT.plusSeconds(10))));
    outbox.append(List.of(event(id("ev", 4), EventType.ROUTE_STATE_CHANGED, null, AT)));

    assertThat(outbox.events(id("inc", 1)))
        .extracting(OutboxEvent::id, OutboxEvent::type, OutboxEvent::createdAt)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(id("ev", 1), EventType.INCIDENT_OPENED, AT),
            org.assertj.core.groups.Tuple.tuple(
                id("ev", 3), EventType.INCIDENT_RESOLVED, AT.plusSeconds(10)));
    assertThat(outbox.events(id("inc", 9))).isEmpty();

    outbox.deleteBefore(AT.plusSeconds(5));
    assertThat(outbox.events(id("inc", 1))).extracting(OutboxEvent::id).containsExactly(id("ev", 3));
  }

  @Test
  default void everyAttemptIsLoggedOldestFirst() throws Exception {
    StatusStore store = store();
    OutboxStore outbox = outbox(store);
    outbox.append(List.of(event(id("ev", 1), EventType.ROUTE_STATE_CHANGED, null, AT)));
    outbox.claim(Set.of(HOOK, "mail"), T0, AT, AT.plusSeconds(60), "i-1", 10);
    List<DeliveryAttempt> log =
        List.of(
            new DeliveryAttempt(
                id("ev", 1),
                HOOK,
                1,
                AT.plusSeconds(1),
                Outcome.RETRY,
                503,
                "Service Unavailable",
                AT.plusSeconds(60)),
            new DeliveryAttempt(
                id("ev", 1), "mail", 1, AT.plusSeconds(2), Outcome.DELIVERED, 250, "", null),
            new DeliveryAttempt(
                id("ev", 1),
                HOOK,
                2,
                AT.plusSeconds(61),
                Outcome.RETRY,
                0,
                "connect timed out",
                AT.plusSeconds(180)),
            new DeliveryAttempt(
                id("ev", 1), HOOK, 3, AT.plusSeconds(181), Outcome.DELIVERED, 204, "", null));

    log.forEach(outbox::record);

    assertThat(outbox.attempts(id("ev", 1))).containsExactlyElementsOf(log);
    assertThat(outbox.attempts(id("ev", 9))).isEmpty();
    assertThat(claim(outbox, Set.of(HOOK, "mail"), AT.plusSeconds(600))).isEmpty();
  }

  @Test
  default void deleteBeforeDeletesOldEventsWithTheirDeliveriesAndAttempts() throws Exception {
    StatusStore store = store();
    OutboxStore outbox = outbox(store);
    outbox.append(
        List.of(
            event(id("ev", 1), EventType.ROUTE_STATE_CHANGED, null, AT),
            event(id("ev", 2), EventType.ROUTE_STATE_CHANGED, null, AT.plus(Duration.ofDays(1)))));
    Instant now = AT.plus(Duration.ofDays(2));
    outbox.claim(Set.of(HOOK), T0, now, now.plusSeconds(60), "i-1", 10);
    outbox.record(
        new DeliveryAttempt(
            id("ev", 1), HOOK, 1, now, Outcome.RETRY, 500, "Internal Server Error", now));

    assertThat(outbox.deleteBefore(AT.plus(Duration.ofHours(1)))).isEqualTo(1);

    assertThat(outbox.attempts(id("ev", 1))).isEmpty();
    assertThat(claim(outbox, Set.of(HOOK), now)).containsExactly(id("ev", 2) + ">hook#0");
    assertThat(outbox.deleteBefore(AT.plus(Duration.ofHours(1)))).isZero();
  }

  @Test
  default void namesTheOutboxCannotKeepAreRefused() throws Exception {
    OutboxStore outbox = outbox(store());
    String tooLong = "r".repeat(201);

    assertThatThrownBy(() -> outbox.claim(Set.of(tooLong), T0, AT, AT, "i-1", 10))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> outbox.claim(Set.of(HOOK), T0, AT, AT, tooLong, 10))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(outbox.claim(Set.of("r".repeat(200)), T0, AT, AT, "o".repeat(200), 10)).isEmpty();
  }

  @Test
  default void outboxCallsOnABrokenDatabaseFailWithAStoreException() throws Exception {
    StatusStore store = store();
    OutboxStore outbox = outbox(store);
    outbox.append(List.of(event(id("ev", 1), EventType.ROUTE_STATE_CHANGED, null, AT)));
    broken(store);

    Map<String, ThrowingCallable> calls = new LinkedHashMap<>();
    calls.put(
        "append",
        () -> outbox.append(List.of(event(id("ev", 2), EventType.ROUTE_STATE_CHANGED, null, AT))));
    calls.put("claim", () -> outbox.claim(Set.of(HOOK), T0, AT, AT, "i-1", 10));
    calls.put(
        "record",
        () ->
            outbox.record(
                new DeliveryAttempt(id("ev", 1), HOOK, 1, AT, Outcome.DELIVERED, 200, "", null)));
    calls.put("attempts", () -> outbox.attempts(id("ev", 1)));
    calls.put("deleteBefore", () -> outbox.deleteBefore(AT));
    calls.forEach(
        (method, call) ->
            assertThatThrownBy(call)
                .as(method)
                .isInstanceOf(StoreException.class)
                .satisfies(failure -> assertThat(failure.getMessage()).as(method).isNotBlank()));
  }
}
