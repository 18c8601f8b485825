package dev.trafficstatus.core.flush;

import dev.trafficstatus.spi.RouteKey;
import dev.trafficstatus.spi.store.MinuteBucket;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * Minute buckets waiting for the store, oldest first, bounded. A newer tally of the same route and
 * minute replaces the waiting one (tallies are cumulative). Not thread-safe.
 */
final class PendingBuckets {

  private record Key(RouteKey route, Instant minute) {}

  private final int bound;
  private final LinkedHashMap<Key, MinuteBucket> waiting = new LinkedHashMap<>();
  private long droppedBuckets;
  private long droppedRequests;

  PendingBuckets(int bound) {
    this.bound = bound;
  }

  /**
   * Adds buckets, dropping the oldest beyond the bound.
   *
   * @return how many buckets had to be dropped
   */
  int add(List<MinuteBucket> buckets) {
    int dropped = 0;
    for (MinuteBucket bucket : buckets) {
      Key key = new Key(bucket.route(), bucket.minute());
      waiting.remove(key);
      waiting.put(key, bucket);
      if (waiting.size() > bound) {
        Iterator<MinuteBucket> oldest = waiting.values().iterator();
        MinuteBucket gone = oldest.next();
        oldest.remove();
        droppedBuckets++;
        droppedRequests += gone.tally().total();
        dropped++;
      }
    }
    return dropped;
  }

  /** The oldest buckets, at most {@code max}, without removing them. */
  List<MinuteBucket> oldest(int max) {
    List<MinuteBucket> batch = new ArrayList<>(Math.min(max, waiting.size()));
    for (MinuteBucket bucket : waiting.values()) {
      if (batch.size() == max) {
        break;
      }
      batch.add(bucket);
    }
    return batch;
  }

  /** Removes buckets the store accepted, unless a newer tally replaced them meanwhile. */
  void written(List<MinuteBucket> batch) {
    for (MinuteBucket bucket : batch) {
      waiting.remove(new Key(bucket.route(), bucket.minute()), bucket);
    }
  }

  int size() {
    return waiting.size();
  }

  long droppedBuckets() {
    return droppedBuckets;
  }

  long droppedRequests() {
    return droppedRequests;
  }
}
