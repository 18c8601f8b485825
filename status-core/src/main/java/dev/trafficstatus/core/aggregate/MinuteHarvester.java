package dev.trafficstatus.core.aggregate;

import dev.trafficstatus.spi.store.MinuteBucket;
import dev.trafficstatus.spi.store.Tally;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Turns the counters of closed minutes into minute buckets, exactly.
 *
 * <p>Counters detached from the ring stay here for a few minutes and are read again on every
 * harvest: a request that read the clock just before a minute closed but was counted just after
 * the harvest (a straggler) changes its counter's figures, and the harvester emits that minute again
 * with the new cumulative tally. The store replaces a bucket by (route, minute, instance), so
 * re-emitting is exact, never double counting. When the harvester lets go of a counter it marks it
 * retired and reads it a last time; a writer that still adds to it afterwards hands it back, and
 * the minute is emitted again. The rare second counter of the same minute (the clock stepped back,
 * or the minute was flushed early on request) is summed with the first while both are kept; only a
 * straggler arriving minutes after both were let go could then replace their sum with its own
 * counter's figures.
 *
 * <p>Not thread-safe: the flusher calls it from one thread at a time.
 */
public final class MinuteHarvester {

  /** How long detached counters are re-read for stragglers, in minutes after their own. */
  private static final long KEEP_MINUTES = 2;

  private final RouteRegistry registry;
  private final Clock clock;
  private final String instance;
  private final Map<SlotKey, Slot> slots = new HashMap<>();
  private long harvestedRequests;

  private record SlotKey(RouteCounters route, long minute) {}

  private static final class Slot {
    final List<MinuteCounter> counters = new ArrayList<>(1);
    Tally emitted = Tally.empty();
  }

  /**
   * @param registry where the counters are
   * @param clock decides which minutes are closed
   * @param instance this process's instance id, written into every bucket
   */
  public MinuteHarvester(RouteRegistry registry, Clock clock, String instance) {
    this.registry = Objects.requireNonNull(registry, "registry");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.instance = Objects.requireNonNull(instance, "instance");
  }

  /**
   * Harvests every closed minute, and closed minutes harvested before whose figures changed since.
   *
   * @return the new or changed buckets, each with its cumulative tally
   */
  public List<MinuteBucket> harvestClosed() {
    return harvest(currentMinute());
  }

  /**
   * Harvests everything, the current partial minute included (on shutdown or when asked to flush
   * now). Requests recorded later in the same minute are summed with it on the next harvest.
   *
   * @return the new or changed buckets, each with its cumulative tally
   */
  public List<MinuteBucket> harvestAll() {
    return harvest(Long.MAX_VALUE);
  }

  /**
   * This process's instance id, written into every bucket.
   *
   * @return the instance id
   */
  public String instance() {
    return instance;
  }

  /**
   * Requests harvested so far: the "requests captured" metric, updated at each harvest.
   *
   * @return the count since start
   */
  public long harvestedRequests() {
    return harvestedRequests;
  }

  private long currentMinute() {
    return Math.floorDiv(clock.millis(), 60_000L);
  }

  private List<MinuteBucket> harvest(long openMinute) {
    registry.detachBefore(
        openMinute,
        counter -> {
          List<MinuteCounter> kept =
              slots.computeIfAbsent(new SlotKey(counter.route, counter.minute), k -> new Slot())
                  .counters;
          if (!kept.contains(counter)) {
            kept.add(counter);
          }
        });
    long oldestKept = currentMinute() - KEEP_MINUTES;
    List<MinuteBucket> buckets = new ArrayList<>();
    for (Iterator<Map.Entry<SlotKey, Slot>> it = slots.entrySet().iterator(); it.hasNext(); ) {
      Map.Entry<SlotKey, Slot> entry = it.next();
      Slot slot = entry.getValue();
      boolean letGo = entry.getKey().minute() < oldestKept;
      if (letGo) {
        // Retire before the last read: a writer either is in this read or sees the flag.
        slot.counters.forEach(counter -> counter.retired = true);
      }
      Tally tally = Tally.empty();
      for (MinuteCounter counter : slot.counters) {
        tally = tally.plus(counter.snapshot());
      }
      if (!tally.equals(slot.emitted)) {
        harvestedRequests += tally.total() - slot.emitted.total();
        slot.emitted = tally;
        SlotKey key = entry.getKey();
        buckets.add(
            new MinuteBucket(
                key.route().descriptor.key(), Instant.ofEpochSecond(key.minute() * 60), instance, tally));
      }
      if (letGo) {
        it.remove();
      }
    }
    return buckets;
  }
}
