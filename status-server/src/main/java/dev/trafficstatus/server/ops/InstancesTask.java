package dev.trafficstatus.server.ops;

import dev.trafficstatus.core.fleet.InstanceSettings;
import dev.trafficstatus.spi.store.InstanceStore;
import dev.trafficstatus.spi.store.StatusStore;
import dev.trafficstatus.spi.store.StoreException;
import dev.trafficstatus.spi.store.StoredInstance;
import io.dropwizard.servlets.tasks.Task;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code POST /tasks/trafficstatus-instances} on the admin port: the instances writing into the
 * store that were heard from within {@code status.instances.forgetAfter}, one line each, with
 * their host, version, start, last report and state (reporting, silent, stopped cleanly). The
 * admin port is the operator's: host names and instance ids are never on the public page.
 */
public final class InstancesTask extends Task {

  private final StatusStore store;
  private final InstanceSettings settings;
  private final Clock clock;

  /**
   * @param store the store, whose {@link StatusStore#instances()} lists them
   * @param settings when an instance counts as silent, and how far back to list
   * @param clock what "now" is
   */
  public InstancesTask(StatusStore store, InstanceSettings settings, Clock clock) {
    super("trafficstatus-instances");
    this.store = store;
    this.settings = settings;
    this.clock = clock;
  }

  @Override
  public void execute(Map<String, List<String>> parameters, PrintWriter output) {
    Optional<InstanceStore> instances = store.instances();
    if (instances.isEmpty()) {
      output.println("the store (" + store.describe() + ") keeps no instances");
      return;
    }
    Instant now = clock.instant();
    List<StoredInstance> listed;
    try {
      listed = instances.get().instances(now.minus(settings.forgetAfter()), InstanceStore.MAX_LISTED);
    } catch (StoreException unreachable) {
      output.println("the store cannot be read: " + unreachable.getMessage());
      return;
    }
    output.printf("%d instances heard from since %s%n", listed.size(), now.minus(settings.forgetAfter()));
    for (StoredInstance instance : listed) {
      output.printf(
          "%s service=%s host=%s version=%s started=%s lastFlush=%s %s%n",
          instance.instance(),
          instance.service(),
          instance.host(),
          instance.version() == null ? "-" : instance.version(),
          instance.startedAt(),
          instance.lastFlushAt() == null ? "-" : instance.lastFlushAt(),
          state(instance, now));
    }
  }

  private String state(StoredInstance instance, Instant now) {
    if (instance.stoppedAt() != null) {
      return "stopped cleanly at " + instance.stoppedAt();
    }
    Duration quiet = Duration.between(instance.lastSeen(), now);
    return quiet.compareTo(settings.silentAfter()) >= 0
        ? "SILENT for " + quiet.toSeconds() + "s"
        : "reporting";
  }
}
