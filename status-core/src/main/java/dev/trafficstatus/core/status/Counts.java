package dev.trafficstatus.core.status;

import dev.trafficstatus.spi.store.Tally;

/** Request counts without latencies, which can be added but not taken apart: a day's, or a part of it. */
record Counts(long total, long success, long failure, long ignored) {

  static Counts of(Tally tally) {
    return new Counts(tally.total(), tally.success(), tally.failure(), tally.ignored());
  }

  /** These counts, each at most the other's: a part never exceeds the whole it was cut from. */
  Counts within(Counts whole) {
    long s = Math.min(success, whole.success);
    long f = Math.min(failure, whole.failure);
    long i = Math.min(ignored, whole.ignored);
    return new Counts(s + f + i, s, f, i);
  }

  Counts minus(Counts part) {
    return new Counts(
        total - part.total, success - part.success, failure - part.failure, ignored - part.ignored);
  }
}
