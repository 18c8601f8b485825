package dev.trafficstatus.store.jdbi;

import dev.trafficstatus.spi.store.Deploy;
import dev.trafficstatus.spi.store.InstanceStore;
import dev.trafficstatus.spi.store.StoredInstance;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The instances of a {@link JdbiStatusStore}: each call goes through the store's error boundary,
 * and calls before the store started are refused as the store's own are.
 */
final class JdbiInstanceStore implements InstanceStore {

  private final JdbiStatusStore store;

  JdbiInstanceStore(JdbiStatusStore store) {
    this.store = store;
  }

  @Override
  public void report(StoredInstance instance) {
    Objects.requireNonNull(instance, "instance");
    store.call(
        "recording instance " + instance.instance(),
        running -> {
          running.instances().report(instance);
          return null;
        });
  }

  @Override
  public List<StoredInstance> instances(Instant since, int limit) {
    Objects.requireNonNull(since, "since");
    if (limit < 1 || limit > MAX_LISTED) {
      throw new IllegalArgumentException("limit must be between 1 and " + MAX_LISTED + ", got " + limit);
    }
    return store.call("listing instances heard from since " + since, running -> running.instances().instances(since, limit));
  }

  @Override
  public List<Deploy> deploys(Instant from, Instant to) {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    return store.call(
        "reading deploys from " + from + " to " + to, running -> running.instances().deploys(from, to));
  }
}
