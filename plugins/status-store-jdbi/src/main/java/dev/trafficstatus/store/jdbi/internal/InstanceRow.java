package dev.trafficstatus.store.jdbi.internal;

import dev.trafficstatus.spi.store.StoredInstance;

/**
 * A row of {@code status_instances} (change set 12-instances); times in epoch microseconds.
 *
 * @param instance the instance id
 * @param service the service
 * @param host the host name
 * @param version the version, or null
 * @param startedAt when it started
 * @param lastFlushAt when it last flushed, or null
 * @param stoppedAt when it stopped cleanly, or null
 * @param lastSeenAt the latest of the three
 */
public record InstanceRow(
    String instance,
    String service,
    String host,
    String version,
    long startedAt,
    Long lastFlushAt,
    Long stoppedAt,
    long lastSeenAt) {

  /** Microseconds in a UTC day. */
  public static final long MICROS_PER_DAY = 86_400_000_000L;

  /**
   * The row of an instance.
   *
   * @param instance the instance
   * @return its row
   */
  public static InstanceRow of(StoredInstance instance) {
    return new InstanceRow(
        instance.instance(),
        instance.service(),
        instance.host(),
        instance.version(),
        UtcPeriods.micros(instance.startedAt()),
        instance.lastFlushAt() == null ? null : UtcPeriods.micros(instance.lastFlushAt()),
        instance.stoppedAt() == null ? null : UtcPeriods.micros(instance.stoppedAt()),
        UtcPeriods.micros(instance.lastSeen()));
  }

  /**
   * The instance of this row.
   *
   * @return the instance
   */
  public StoredInstance toInstance() {
    return new StoredInstance(
        instance,
        service,
        host,
        version,
        UtcPeriods.instantOfMicros(startedAt),
        lastFlushAt == null ? null : UtcPeriods.instantOfMicros(lastFlushAt),
        stoppedAt == null ? null : UtcPeriods.instantOfMicros(stoppedAt));
  }

  /**
   * The UTC day it started on, as epoch days.
   *
   * @return the day
   */
  public long startedDay() {
    return Math.floorDiv(startedAt, MICROS_PER_DAY);
  }
}
