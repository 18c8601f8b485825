package dev.trafficstatus.store.jdbi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trafficstatus.spi.RouteDescriptor;
import dev.trafficstatus.spi.RouteKey;
import dev.trafficstatus.spi.store.MinuteBucket;
import dev.trafficstatus.spi.store.RouteTally;
import dev.trafficstatus.spi.store.StatusStore;
import dev.trafficstatus.spi.store.StoreException;
import dev.trafficstatus.spi.store.Tally;
import dev.trafficstatus.store.jdbi.testing.FullDisk;
import dev.trafficstatus.store.jdbi.testing.TestContext;
import dev.trafficstatus.testkit.Tallies;
import io.dropwizard.db.DataSourceFactory;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * H2 closes its database after a write fails for lack of disk space. The store must open it again
 * by itself once there is space, so the flusher's retries land without a restart.
 */
class H2FullDiskTest {

  private static final RouteKey HOME = new RouteKey("shop", "/");
  private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");

  @TempDir Path directory;

  @Test
  void afterAFullDiskTheNextCallWorksOnceThereIsSpaceAndNothingRetriedIsLost() throws Exception {
    try (FullDisk disk = FullDisk.register()) {
      DataSourceFactory h2 = JdbiStoreFactory.defaultDatabase("shop");
      h2.setUrl(disk.url(directory.resolve("status")));
      JdbiStoreFactory factory = new JdbiStoreFactory();
      factory.setDatabase(h2);
      StatusStore store = factory.build(TestContext.bare("i-1"));
      store.start();
      List<MinuteBucket> stored = new ArrayList<>();
      try {
        store.declareRoutes(List.of(new RouteDescriptor(HOME, "Home", "", "Pages")));
        for (int m = 0; m < 3; m++) {
          MinuteBucket before = bucket(m, 1 + m);
          store.writeMinutes(List.of(before));
          stored.add(before);
        }

        // One flush fails on the full disk; space is back before the flusher's retry.
        disk.fill();
        MinuteBucket once = bucket(3, 10);
        assertThatThrownBy(() -> store.writeMinutes(List.of(once)))
            .isInstanceOf(StoreException.class)
            .hasMessageStartingWith("writing 1 minute buckets: ");
        disk.free();
        store.writeMinutes(List.of(once));
        stored.add(once);
        assertThat(total(store.readSince(T0))).isEqualTo(sum(stored));

        // A longer spell: flushes keep failing while the disk is full.
        disk.fill();
        List<MinuteBucket> retry = new ArrayList<>();
        for (int m = 4; m < 7; m++) {
          MinuteBucket during = bucket(m, 10 + m);
          assertThatThrownBy(() -> store.writeMinutes(List.of(during)))
              .isInstanceOf(StoreException.class)
              .hasMessageStartingWith("writing 1 minute buckets: ");
          retry.add(during);
          // The page still reads what is on disk: H2 opens the file again for it.
          assertThat(total(store.readSince(T0))).isEqualTo(sum(stored));
        }
        disk.free();
        // As the flusher does: what failed is written again, with what came since.
        List<MinuteBucket> afterwards = new ArrayList<>(retry);
        afterwards.add(bucket(7, 100));
        store.writeMinutes(afterwards);
        stored.addAll(afterwards);

        assertThat(total(store.readSince(T0))).isEqualTo(sum(stored));
        store.ping();
      } finally {
        store.stop();
      }
      // And it is all in the file: another start reads it back.
      store.start();
      try {
        assertThat(total(store.readSince(T0))).isEqualTo(sum(stored));
      } finally {
        store.stop();
      }
    }
  }

  private static MinuteBucket bucket(int minute, long requests) {
    return new MinuteBucket(HOME, T0.plusSeconds(60L * minute), "i-1", Tallies.of(requests, 0, 0, 10));
  }

  private static Tally sum(List<MinuteBucket> buckets) {
    return buckets.stream().map(MinuteBucket::tally).reduce(Tally.empty(), Tally::plus);
  }

  private static Tally total(List<RouteTally> tallies) {
    return tallies.stream().map(RouteTally::tally).reduce(Tally.empty(), Tally::plus);
  }
}
