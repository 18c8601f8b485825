package dev.trafficstatus.spi.store;

import java.time.Instant;
import java.util.List;

/**
 * Keeps one row per process writing into the store, and the deploys their versions make; a part
 * of a {@link StatusStore} that offers it ({@link StatusStore#instances()}). Shared by every
 * process on the same database, thread-safe; every method throws {@link StoreException} when the
 * database cannot be reached or refuses.
 *
 * <p>Each process reports itself on start, after every successful flush and on a clean stop, so a
 * report is cheap: one statement on a row of its own, which no other process writes. The store's
 * maintenance ({@link StatusStore#maintain}) deletes instances not heard from for longer than the
 * minute retention, and deploys older than the day retention.
 */
public interface InstanceStore {

  /** The most instances one listing returns. */
  int MAX_LISTED = 10_000;

  /**
   * Records an instance as it is now, replacing what was recorded of it. The first report of an
   * instance records its start: when no instance of its service ran its version before, that is a
   * {@link Deploy} of the version, and later instances started with it on the deploy's UTC day add
   * to its count. Reporting the same instance again never counts it twice.
   *
   * @param instance the instance
   */
  void report(StoredInstance instance);

  /**
   * Lists the instances heard from ({@link StoredInstance#lastSeen()}) at or after a moment.
   *
   * @param since the earliest last sign of life to include
   * @param limit how many at most, from 1 to {@link #MAX_LISTED}
   * @return the instances, the most recently started first
   */
  List<StoredInstance> instances(Instant since, int limit);

  /**
   * The deploys made within a time range: each version's first start per service.
   *
   * @param from the earliest deploy time, inclusive
   * @param to the latest deploy time, exclusive
   * @return the deploys, oldest first
   */
  List<Deploy> deploys(Instant from, Instant to);
}
