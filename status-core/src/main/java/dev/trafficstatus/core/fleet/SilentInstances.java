package dev.trafficstatus.core.fleet;

import dev.trafficstatus.spi.page.IncompleteFigures;
import dev.trafficstatus.spi.store.StoredInstance;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Which services' figures are incomplete because instances that were writing stopped reporting;
 * a pure function of the instances the store lists.
 *
 * <p>Of a service's instances, those that stopped cleanly do not count, nor those last heard of
 * {@code forgetAfter} ago or earlier. An instance is silent once it has not reported for {@code
 * silentAfter}, unless an instance of the same service started on the same host after it was last
 * heard of: the process was restarted, and the new one counts instead.
 */
public final class SilentInstances {

  private final InstanceSettings settings;

  /**
   * @param settings when an instance counts as silent
   */
  public SilentInstances(InstanceSettings settings) {
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  /**
   * The services with silent instances.
   *
   * @param instances the instances the store lists (of any services)
   * @param services the services to judge (those whose routes the page shows)
   * @param now the current time
   * @return one entry per service with silent instances, by service name
   */
  public List<IncompleteFigures> incomplete(
      List<StoredInstance> instances, Collection<String> services, Instant now) {
    Instant forgotten = now.minus(settings.forgetAfter());
    Instant silentBefore = now.minus(settings.silentAfter());
    Map<List<String>, Instant> latestStarts = new HashMap<>();
    for (StoredInstance instance : instances) {
      latestStarts.merge(
          List.of(instance.service(), instance.host()), instance.startedAt(),
          (a, b) -> a.isAfter(b) ? a : b);
    }
    List<IncompleteFigures> incomplete = new ArrayList<>();
    for (String service : new TreeSet<>(services)) {
      int reporting = 0;
      int silent = 0;
      Instant lastHeardOfSilent = null;
      for (StoredInstance instance : instances) {
        if (!instance.service().equals(service)
            || instance.stoppedAt() != null
            || !instance.lastSeen().isAfter(forgotten)) {
          continue;
        }
        if (instance.lastSeen().isAfter(silentBefore)) {
          reporting++;
        } else if (!restarted(instance, latestStarts)) {
          silent++;
          if (lastHeardOfSilent == null || instance.lastSeen().isAfter(lastHeardOfSilent)) {
            lastHeardOfSilent = instance.lastSeen();
          }
        }
      }
      if (silent > 0) {
        incomplete.add(
            new IncompleteFigures(
                service, silent, silent + reporting, Duration.between(lastHeardOfSilent, now)));
      }
    }
    return incomplete;
  }

  /** Whether an instance of its service started on its host after it was last heard of. */
  private static boolean restarted(StoredInstance silent, Map<List<String>, Instant> latestStarts) {
    return latestStarts.get(List.of(silent.service(), silent.host())).isAfter(silent.lastSeen());
  }
}
