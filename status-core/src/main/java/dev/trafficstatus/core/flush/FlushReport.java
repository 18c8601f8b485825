package dev.trafficstatus.core.flush;

import java.util.Optional;

/**
 * What one flush did.
 *
 * @param routesDeclared routes newly made known to the store
 * @param bucketsHarvested new or changed minute buckets taken from the counters
 * @param bucketsWritten buckets the store accepted
 * @param bucketsPending buckets still waiting for the store
 * @param error why the store refused, when it did
 */
public record FlushReport(
    int routesDeclared,
    int bucketsHarvested,
    int bucketsWritten,
    int bucketsPending,
    Optional<String> error) {

  /**
   * Whether everything harvested reached the store.
   *
   * @return true when nothing is pending and no error happened
   */
  public boolean complete() {
    return error.isEmpty() && bucketsPending == 0;
  }
}
