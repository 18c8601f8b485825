package dev.trafficstatus.core.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trafficstatus.core.testing.InMemoryStore;
import dev.trafficstatus.core.testing.MutableClock;
import dev.trafficstatus.spi.RouteDescriptor;
import dev.trafficstatus.spi.RouteKey;
import dev.trafficstatus.spi.page.StatusPage;
import dev.trafficstatus.spi.store.MinuteBucket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatusServiceTest {

  private static final RouteKey HOME = new RouteKey("shop", "/");

  private final MutableClock clock = MutableClock.at("2026-11-26T10:30:00Z");
  private final InMemoryStore store = new InMemoryStore();
  private final StatusService service =
      new StatusService(store, PageSettings.defaults("Shop"), HealthPolicy.defaults(), clock);

  private void write(int success) {
    store.writeMinutes(
        List.of(
            new MinuteBucket(
                HOME,
                clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MINUTES),
                "i-" + success,
                PageBuilderTest.tally(success, 0, 0))));
  }

  @Test
  void thePageIsReadOncePerRefreshInterval() {
    store.declareRoutes(List.of(new RouteDescriptor(HOME, "Home", "", "Web")));
    write(5);
    StatusPage first = service.page(30);

    write(7);
    clock.advance(Duration.ofSeconds(59));
    assertThat(service.page(30)).isSameAs(first);

    clock.advance(Duration.ofSeconds(1));
    StatusPage fresh = service.page(30);
    assertThat(fresh.groups().get(0).routes().get(0).requests()).isEqualTo(12);
    assertThat(fresh.generatedAt()).isEqualTo(Instant.parse("2026-11-26T10:31:00Z"));
  }

  @Test
  void everyWindowLengthInOneIntervalCostsOneReadOfTheLongest() {
    store.declareRoutes(List.of(new RouteDescriptor(HOME, "Home", "", "Web")));
    write(5);

    StatusPage year = service.page(365);
    for (int days = 1; days <= 365; days++) {
      assertThat(service.page(days).days()).isEqualTo(days);
    }

    assertThat(store.dayReads()).isEqualTo(1);
    assertThat(service.page(30).groups().get(0).routes().get(0).requests()).isEqualTo(5);
    assertThat(service.page(365)).isSameAs(year);
  }

  @Test
  void aLongerWindowThanAnyReadBeforeReadsOnceMore() {
    service.page(30);
    service.page(90);
    service.page(60);

    assertThat(store.dayReads()).isEqualTo(2);
  }

  @Test
  void anEditIsShownAtOnceAfterInvalidation() {
    store.declareRoutes(List.of(new RouteDescriptor(HOME, "Home", "", "Web")));
    service.page();
    store.editRoute(HOME, new dev.trafficstatus.spi.store.RouteEdit("Start page", null));

    service.invalidate();

    assertThat(service.page().groups().get(0).routes().get(0).name()).isEqualTo("Start page");
  }

  @Test
  void aWindowOutsideTheConfiguredBoundsIsRefused() {
    assertThatThrownBy(() -> service.page(0)).hasMessageContaining("between 1 and 365");
    assertThatThrownBy(() -> service.page(366)).hasMessageContaining("between 1 and 365");
  }
}
