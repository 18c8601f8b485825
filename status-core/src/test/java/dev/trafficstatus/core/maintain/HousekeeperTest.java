package dev.trafficstatus.core.maintain;

import static dev.trafficstatus.testkit.NoticeTestData.closed;
import static dev.trafficstatus.testkit.NoticeTestData.event;
import static dev.trafficstatus.testkit.NoticeTestData.id;
import static dev.trafficstatus.testkit.NoticeTestData.incident;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trafficstatus.core.testing.InMemoryStore;
import dev.trafficstatus.spi.InvalidSettingException;
import dev.trafficstatus.spi.notice.Notice;
import dev.trafficstatus.spi.store.EventType;
import dev.trafficstatus.spi.store.MaintenanceReport;
import dev.trafficstatus.spi.store.NoticeStore;
import dev.trafficstatus.spi.store.OutboxStore;
import dev.trafficstatus.spi.store.Retention;
import dev.trafficstatus.spi.store.StatusStore;
import dev.trafficstatus.testkit.MutableClock;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HousekeeperTest {

  private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

  private final MutableClock clock = new MutableClock(NOW);
  private final InMemoryStore store = new InMemoryStore();
  private final NoticeStore notices = store.notices().orElseThrow();
  private final OutboxStore outbox = store.outbox().orElseThrow();

  private Housekeeper housekeeper(StatusStore maintained) {
    return new Housekeeper(
        maintained, clock, MaintenanceSettings.defaults(), System.getLogger("test"));
  }

  /** Saves an incident opened a day before it closes, with an event when it opened. */
  private Notice closedAt(int number, Instant at) {
    Notice opened = incident(id("inc", number), at.minus(Duration.ofDays(1)));
    Notice saved =
        notices.save(
            opened,
            List.of(
                event(
                    id("ev", number), EventType.INCIDENT_OPENED, opened.id(), opened.createdAt())));
    return notices.save(closed(saved, at), List.of());
  }

  /** The store, with maintenance reporting that another process had the turn, or notices off. */
  private StatusStore variant(boolean skipMaintenance, boolean offersNotices) {
    return (StatusStore)
        Proxy.newProxyInstance(
            StatusStore.class.getClassLoader(),
            new Class<?>[] {StatusStore.class},
            (proxy, method, args) -> {
              if (skipMaintenance && method.getName().equals("maintain")) {
                return MaintenanceReport.skipped();
              }
              if (!offersNotices
                  && (method.getName().equals("notices") || method.getName().equals("outbox"))) {
                return Optional.empty();
              }
              try {
                return method.invoke(store, args);
              } catch (InvocationTargetException thrown) {
                throw thrown.getCause();
              }
            });
  }

  @Test
  void closedNoticesAndOutboxEventsPastTheirRetentionAreDeleted() {
    Notice pastRetention = closedAt(1, NOW.minus(Duration.ofDays(401)));
    Notice kept = closedAt(2, NOW.minus(Duration.ofDays(399)));
    Notice open = notices.save(incident(id("inc", 3), NOW.minus(Duration.ofDays(500))), List.of());
    outbox.append(
        List.of(
            event(id("ev", 8), EventType.ROUTE_STATE_CHANGED, null, NOW.minus(Duration.ofDays(31))),
            event(
                id("ev", 9), EventType.ROUTE_STATE_CHANGED, null, NOW.minus(Duration.ofDays(29)))));

    assertThat(housekeeper(store).runOnce().ran()).isTrue();

    assertThat(notices.find(pastRetention.id())).isEmpty();
    assertThat(notices.find(kept.id())).contains(kept);
    assertThat(notices.find(open.id())).contains(open);
    // The events of both incidents were written more than 30 days ago; the route's of 29 days
    // stays.
    assertThat(outbox.claim(Set.of("hook"), Instant.EPOCH, NOW, NOW, "i-1", 10))
        .extracting(delivery -> delivery.event().id())
        .containsExactly(id("ev", 9));
  }

  @Test
  void whenAnotherProcessHadTheTurnNothingIsDeletedHere() {
    Notice pastRetention = closedAt(1, NOW.minus(Duration.ofDays(401)));

    assertThat(housekeeper(variant(true, true)).runOnce().ran()).isFalse();

    assertThat(notices.find(pastRetention.id())).contains(pastRetention);
    assertThat(outbox.claim(Set.of("hook"), Instant.EPOCH, NOW, NOW, "i-1", 10)).hasSize(1);
  }

  @Test
  void aStoreWithoutNoticesIsMaintainedAsBefore() {
    Notice pastRetention = closedAt(1, NOW.minus(Duration.ofDays(401)));

    assertThat(housekeeper(variant(false, false)).runOnce().ran()).isTrue();

    assertThat(notices.find(pastRetention.id())).contains(pastRetention);
  }

  @Test
  void retentionsShorterThanThePageOrADayAreRefusedNamingTheKey() {
    assertThatThrownBy(
            () ->
                new MaintenanceSettings(
                    Retention.defaults(),
                    Duration.ofDays(13),
                    Duration.ofDays(30),
                    Duration.ofMinutes(10)))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessage(
            "incidents must be at least 14d (the page lists notices closed in the last 14 days), got 13d");
    assertThatThrownBy(
            () ->
                new MaintenanceSettings(
                    Retention.defaults(),
                    Duration.ofDays(400),
                    Duration.ofHours(23),
                    Duration.ofMinutes(10)))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessage(
            "notifications must be at least 1d (deliveries are retried for hours), got 23h");
    MaintenanceSettings defaults = MaintenanceSettings.defaults();
    assertThat(defaults.incidents()).isEqualTo(Duration.ofDays(400));
    assertThat(defaults.notifications()).isEqualTo(Duration.ofDays(30));
  }
}
