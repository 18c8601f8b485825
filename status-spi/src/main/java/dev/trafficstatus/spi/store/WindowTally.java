package dev.trafficstatus.spi.store;

import java.util.Objects;

/**
 * A route's requests on one UTC day inside a maintenance window: kept with the notice, so the
 * page can leave them out of uptime for as long as it shows the day, long after the minute rows
 * they were summed from are gone.
 *
 * @param noticeId the maintenance's id
 * @param bucket the route, the day, and the requests inside the window on that day
 */
public record WindowTally(String noticeId, DayBucket bucket) {

  /** Checks both parts are present. */
  public WindowTally {
    Objects.requireNonNull(noticeId, "noticeId");
    Objects.requireNonNull(bucket, "bucket");
  }
}
