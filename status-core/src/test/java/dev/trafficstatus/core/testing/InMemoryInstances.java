package dev.trafficstatus.core.testing;

import dev.trafficstatus.spi.store.Deploy;
import dev.trafficstatus.spi.store.InstanceStore;
import dev.trafficstatus.spi.store.Retention;
import dev.trafficstatus.spi.store.StoredInstance;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Instances and their deploys in memory, as the instances of {@link InMemoryStore} (which runs the
 * test kit's {@code InstancesContract} on them): a report replaces its instance; an instance's
 * first report records the start of its version, the deploy's first or one more of its day.
 */
final class InMemoryInstances implements InstanceStore {

  private static final Comparator<StoredInstance> NEWEST_START_FIRST =
      Comparator.comparing(StoredInstance::startedAt)
          .reversed()
          .thenComparing(StoredInstance::instance);

  private record ServiceVersion(String service, String version) {}

  private final Map<String, StoredInstance> instances = new LinkedHashMap<>();
  private final Map<ServiceVersion, Deploy> deploys = new LinkedHashMap<>();
  private final Consumer<String> availability;

  /**
   * @param availability called before every call with what it does; throws a {@link
   *     dev.trafficstatus.spi.store.StoreException} while the "database" is down
   */
  InMemoryInstances(Consumer<String> availability) {
    this.availability = availability;
  }

  @Override
  public synchronized void report(StoredInstance instance) {
    availability.accept("reporting an instance");
    StoredInstance known = instances.put(instance.instance(), instance);
    if (known == null && instance.version() != null) {
      deploys.merge(
          new ServiceVersion(instance.service(), instance.version()),
          new Deploy(instance.service(), instance.version(), instance.startedAt(), 1),
          InMemoryInstances::startedToo);
    }
  }

  /**
   * A deploy with one more instance started with its version: counted on the deploy's day only,
   * and moved back to a start earlier than its first (clocks differ between hosts), as the JDBI
   * store does.
   */
  private static Deploy startedToo(Deploy deploy, Deploy started) {
    LocalDate day = LocalDate.ofInstant(deploy.at(), ZoneOffset.UTC);
    boolean sameDay = day.equals(LocalDate.ofInstant(started.at(), ZoneOffset.UTC));
    Instant first = started.at().isBefore(deploy.at()) ? started.at() : deploy.at();
    return new Deploy(
        deploy.service(), deploy.version(), first, deploy.instances() + (sameDay ? 1 : 0));
  }

  @Override
  public synchronized List<StoredInstance> instances(Instant since, int limit) {
    if (limit < 1 || limit > MAX_LISTED) {
      throw new IllegalArgumentException(
          "limit must be between 1 and " + MAX_LISTED + ", got " + limit);
    }
    availability.accept("listing instances");
    return instances.values().stream()
        .filter(instance -> !instance.lastSeen().isBefore(since))
        .sorted(NEWEST_START_FIRST)
        .limit(limit)
        .toList();
  }

  @Override
  public synchronized List<Deploy> deploys(Instant from, Instant to) {
    availability.accept("listing deploys");
    return deploys.values().stream()
        .filter(deploy -> !deploy.at().isBefore(from) && deploy.at().isBefore(to))
        .sorted(
            Comparator.comparing(Deploy::at)
                .thenComparing(Deploy::service)
                .thenComparing(Deploy::version))
        .toList();
  }

  /**
   * Forgets instances not heard from for longer than minutes are kept, and deploys older than
   * days are kept; the store's maintenance calls it.
   */
  synchronized void forget(Instant now, Retention retention) {
    Instant heardSince = now.minus(retention.minutes());
    Instant deployedSince = now.minus(retention.days());
    instances.values().removeIf(instance -> instance.lastSeen().isBefore(heardSince));
    deploys.values().removeIf(deploy -> deploy.at().isBefore(deployedSince));
  }
}
