package dev.trafficstatus.core.notice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trafficstatus.core.testing.InMemoryNotices;
import dev.trafficstatus.spi.RouteKey;
import dev.trafficstatus.spi.notice.Impact;
import dev.trafficstatus.spi.notice.Notice;
import dev.trafficstatus.spi.notice.NoticeKind;
import dev.trafficstatus.spi.notice.NoticeStatus;
import dev.trafficstatus.spi.notice.NoticeUpdate;
import dev.trafficstatus.spi.notice.RouteState;
import dev.trafficstatus.spi.notice.StateChange;
import dev.trafficstatus.spi.Health;
import dev.trafficstatus.spi.store.EventType;
import dev.trafficstatus.spi.store.NoticeStore;
import dev.trafficstatus.spi.store.OutboxEvent;
import dev.trafficstatus.testkit.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class NoticeServiceTest {

  private static final RouteKey CHECKOUT = new RouteKey("shop", "/checkout");
  private static final RouteKey SEARCH = new RouteKey("shop", "/search");

  private final MutableClock clock = MutableClock.at("2026-03-01T12:00:00Z");
  private final InMemoryNotices store = new InMemoryNotices();
  private final NoticeService notices =
      new NoticeService(
          store,
          clock,
          new NoticeIds(RandomGenerator.of("L64X128MixRandom")),
          (type, notice) -> "{\"" + type.wireName() + "\":\"" + notice.id() + "\"}",
          Duration.ofDays(1));

  private Notice checkoutFailing(boolean automatic) {
    return notices.open(
        new NewIncident(
            "Checkout is failing",
            NoticeStatus.INVESTIGATING,
            Impact.MAJOR,
            "38 % of checkout requests fail.",
            List.of(new RouteState(CHECKOUT, Health.PARTIAL_OUTAGE)),
            null,
            automatic));
  }

  @Test
  void anOpenedIncidentHasItsFirstUpdateAndOneOutboxEvent() {
    Notice incident = checkoutFailing(false);

    assertThat(incident.id()).matches("[0-9a-z]{12}");
    assertThat(incident.version()).isEqualTo(1);
    assertThat(incident.kind()).isEqualTo(NoticeKind.INCIDENT);
    assertThat(incident.handledByPerson()).isTrue();
    assertThat(incident.createdAt()).isEqualTo(clock.instant());
    assertThat(incident.updates()).singleElement().satisfies(update -> {
      assertThat(update.status()).isEqualTo(NoticeStatus.INVESTIGATING);
      assertThat(update.changes())
          .containsExactly(new StateChange(CHECKOUT, Health.OPERATIONAL, Health.PARTIAL_OUTAGE));
    });
    assertThat(store.outbox()).extracting(OutboxEvent::type).containsExactly(EventType.INCIDENT_OPENED);
    assertThat(store.outbox().get(0).payload()).contains(incident.id());
  }

  @Test
  void updatesGoToTheHeadOfTheTimelineAndResolvingClosesIt() {
    Notice incident = checkoutFailing(true);
    clock.advance(Duration.ofMinutes(5));

    Notice identified =
        notices.change(incident.id(), NoticeChange.update(NoticeStatus.IDENTIFIED, "A bad deploy.", List.of(), false))
            .orElseThrow();
    clock.advance(Duration.ofMinutes(5));
    Notice monitoring =
        notices.change(
                incident.id(),
                NoticeChange.update(
                    NoticeStatus.MONITORING,
                    "Rolled back.",
                    List.of(new RouteState(CHECKOUT, Health.OPERATIONAL)),
                    false))
            .orElseThrow();
    clock.advance(Duration.ofMinutes(5));
    Notice resolved =
        notices.change(incident.id(), NoticeChange.update(NoticeStatus.RESOLVED, "All good.", List.of(), false))
            .orElseThrow();

    assertThat(identified.handledByPerson()).as("a person took it over").isTrue();
    assertThat(monitoring.monitoringAt()).isEqualTo(Instant.parse("2026-03-01T12:10:00Z"));
    assertThat(monitoring.affected()).containsExactly(new RouteState(CHECKOUT, Health.OPERATIONAL));
    assertThat(monitoring.updates().get(0).changes())
        .containsExactly(new StateChange(CHECKOUT, Health.PARTIAL_OUTAGE, Health.OPERATIONAL));
    assertThat(resolved.isOpen()).isFalse();
    assertThat(resolved.resolvedAt()).isEqualTo(Instant.parse("2026-03-01T12:15:00Z"));
    assertThat(resolved.updates())
        .extracting(NoticeUpdate::status)
        .containsExactly(
            NoticeStatus.RESOLVED, NoticeStatus.MONITORING, NoticeStatus.IDENTIFIED, NoticeStatus.INVESTIGATING);
    assertThat(store.outbox())
        .extracting(OutboxEvent::type)
        .containsExactly(
            EventType.INCIDENT_OPENED,
            EventType.INCIDENT_UPDATED,
            EventType.INCIDENT_UPDATED,
            EventType.INCIDENT_RESOLVED);
  }

  @Test
  void aMaintenanceStatusFollowsItsWindow() {
    Instant now = clock.instant();
    Notice ahead =
        notices.schedule(new NewMaintenance(null, "Database upgrade", List.of(CHECKOUT),
            now.plus(Duration.ofHours(2)), now.plus(Duration.ofHours(3)), "Checkout pauses.", null, false));
    Notice running =
        notices.schedule(new NewMaintenance(null, "Search reindex", List.of(SEARCH),
            now.minus(Duration.ofMinutes(10)), now.plus(Duration.ofMinutes(20)), "", null, false));

    assertThat(ahead.status()).isEqualTo(NoticeStatus.SCHEDULED);
    assertThat(ahead.impact()).isEqualTo(Impact.MAINTENANCE);
    assertThat(running.status()).isEqualTo(NoticeStatus.IN_PROGRESS);
    assertThat(store.outbox())
        .extracting(OutboxEvent::type)
        .containsExactly(
            EventType.MAINTENANCE_SCHEDULED, EventType.MAINTENANCE_SCHEDULED, EventType.MAINTENANCE_STARTED);
  }

  @Test
  void aWindowEntirelyPastNeedsAReasonAndIsRecordedCompleted() {
    Instant now = clock.instant();
    NewMaintenance unannounced =
        new NewMaintenance(null, "Emergency patch", List.of(), now.minus(Duration.ofHours(3)),
            now.minus(Duration.ofHours(2)), "Patched the load balancer.", null, false);

    assertThatThrownBy(() -> notices.schedule(unannounced))
        .isInstanceOf(InvalidNoticeException.class)
        .hasMessageContaining("backdatedReason");
    Notice recorded =
        notices.schedule(new NewMaintenance(null, "Emergency patch", List.of(), now.minus(Duration.ofHours(3)),
            now.minus(Duration.ofHours(2)), "Patched the load balancer.", "not announced in time", false));

    assertThat(recorded.status()).isEqualTo(NoticeStatus.COMPLETED);
    assertThat(recorded.updates().get(0).body()).contains("Recorded after the fact: not announced in time");
  }

  @Test
  void refusalsSayWhatIsWrongAndWriteNothing() {
    Instant now = clock.instant();
    Notice incident = checkoutFailing(false);
    int events = store.outbox().size();

    assertThatThrownBy(() -> notices.schedule(new NewMaintenance(null, "Backwards", List.of(),
            now.plus(Duration.ofHours(2)), now.plus(Duration.ofHours(1)), "", null, false)))
        .hasMessageContaining("after scheduledFor");
    assertThatThrownBy(() -> notices.schedule(new NewMaintenance(null, "Too long", List.of(),
            now, now.plus(Duration.ofDays(2)), "", null, false)))
        .hasMessageContaining("at most 1d");
    assertThatThrownBy(() -> notices.change(incident.id(),
            NoticeChange.update(NoticeStatus.IN_PROGRESS, "wrong kind", List.of(), false)))
        .hasMessageContaining("not a status of an incident");
    assertThatThrownBy(() -> notices.change(incident.id(),
            NoticeChange.update(NoticeStatus.IDENTIFIED, "x".repeat(10_001), List.of(), false)))
        .isInstanceOf(InvalidNoticeException.class)
        .hasMessageContaining("body must be at most 10000 characters");
    assertThatThrownBy(() -> notices.open(new NewIncident("Two\nlines", NoticeStatus.INVESTIGATING,
            Impact.MINOR, "", List.of(), null, false)))
        .isInstanceOf(InvalidNoticeException.class)
        .hasMessageContaining("name must be one line");

    assertThat(store.outbox()).hasSize(events);
    assertThat(store.find(incident.id()).orElseThrow()).isEqualTo(incident);
  }

  @Test
  void anAutomaticChangeAnotherRunAlreadyMadeIsNotRepeated() {
    Notice incident = checkoutFailing(true);
    NoticeChange recovered =
        NoticeChange.update(null, "Checkout: operational.", List.of(new RouteState(CHECKOUT, Health.OPERATIONAL)), true);
    NoticeChange resolved = NoticeChange.update(NoticeStatus.RESOLVED, "Resolved automatically.", List.of(), true);

    notices.change(incident.id(), recovered);
    Notice again = notices.change(incident.id(), recovered).orElseThrow();
    notices.change(incident.id(), NoticeChange.update(NoticeStatus.RESOLVED, "Fixed by hand.", List.of(), false));
    Notice late = notices.change(incident.id(), resolved).orElseThrow();

    assertThat(again.updates()).hasSize(2);
    assertThat(late.updates()).extracting(NoticeUpdate::body)
        .containsExactly("Fixed by hand.", "Checkout: operational.", "38 % of checkout requests fail.");
    assertThat(store.outbox()).extracting(OutboxEvent::type)
        .containsExactly(EventType.INCIDENT_OPENED, EventType.INCIDENT_UPDATED, EventType.INCIDENT_RESOLVED);
  }

  @Test
  void aChangeRacingAnotherIsAppliedToTheFreshNotice() {
    Notice incident = checkoutFailing(true);
    // Another writer saves between this service's read and its save, once.
    java.util.concurrent.atomic.AtomicBoolean raced = new java.util.concurrent.atomic.AtomicBoolean();
    NoticeStore racing =
        new NoticeStore() {
          @Override
          public List<Notice> current(Instant closedSince) {
            return store.current(closedSince);
          }

          @Override
          public List<Notice> closedBetween(Instant from, Instant to, int limit) {
            return store.closedBetween(from, to, limit);
          }

          @Override
          public java.util.Optional<Notice> find(String id) {
            return store.find(id);
          }

          @Override
          public Notice save(Notice notice, List<OutboxEvent> events) {
            if (raced.compareAndSet(false, true)) {
              notices.change(notice.id(), NoticeChange.update(null, "Still looking.", List.of(), true));
            }
            return store.save(notice, events);
          }

          @Override
          public boolean delete(String id, List<OutboxEvent> events) {
            return store.delete(id, events);
          }

          @Override
          public void recordWindowTallies(String noticeId, List<dev.trafficstatus.spi.store.DayBucket> tallies) {
            store.recordWindowTallies(noticeId, tallies);
          }

          @Override
          public List<dev.trafficstatus.spi.store.WindowTally> windowTallies(
              java.time.LocalDate first, java.time.LocalDate last) {
            return store.windowTallies(first, last);
          }

          @Override
          public int deleteClosedBefore(Instant before) {
            return store.deleteClosedBefore(before);
          }
        };
    NoticeService renaming =
        new NoticeService(racing, clock, new NoticeIds(RandomGenerator.of("L64X128MixRandom")),
            (type, notice) -> "{}", Duration.ofDays(1));

    Notice renamed =
        renaming.change(incident.id(),
            new NoticeChange(null, null, List.of(), null, "Checkout is slow", null, null, null, null, false))
            .orElseThrow();

    assertThat(renamed.name()).isEqualTo("Checkout is slow");
    assertThat(renamed.updates()).as("the other writer's update kept").hasSize(2);
    assertThat(renamed.version()).isEqualTo(3);
  }

  @Test
  void anUnknownNoticeIsEmpty() {
    assertThat(notices.change("000000000000", NoticeChange.update(null, "x", List.of(), false))).isEmpty();
    assertThat(notices.delete("000000000000")).isFalse();
  }
}
