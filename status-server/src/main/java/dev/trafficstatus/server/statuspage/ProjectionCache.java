package dev.trafficstatus.server.statuspage;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * What was projected from one version of the page's figures, kept until a newer version comes:
 * each value is computed once per version however many requests ask for it at once (they wait for
 * the one computation). At most a fixed number of values are kept per version, since some keys
 * come from requests (the page's URL, when it is taken from the Host header); beyond it values are
 * computed and not kept.
 *
 * @param <K> the key
 * @param <V> the value
 */
final class ProjectionCache<K, V> {

  private final int limit;
  private long version = Long.MIN_VALUE;
  private Map<K, V> values = new ConcurrentHashMap<>();

  /**
   * @param limit the most values kept per version
   */
  ProjectionCache(int limit) {
    this.limit = limit;
  }

  /**
   * The value of a key for a version: kept, or computed now.
   *
   * @param version the version of the figures; higher is newer
   * @param key which value
   * @param compute computes it
   * @return the value
   */
  V get(long version, K key, Supplier<V> compute) {
    Map<K, V> current = valuesOf(version);
    if (current == null) {
      return compute.get();
    }
    V kept = current.get(key);
    if (kept != null) {
      return kept;
    }
    if (current.size() >= limit) {
      return compute.get();
    }
    return current.computeIfAbsent(key, ignored -> compute.get());
  }

  /** The map of a version, a fresh one for a newer version, null for an older one. */
  private synchronized Map<K, V> valuesOf(long version) {
    if (version > this.version) {
      this.version = version;
      values = new ConcurrentHashMap<>();
    }
    return version == this.version ? values : null;
  }
}
