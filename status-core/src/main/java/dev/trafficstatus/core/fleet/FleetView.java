package dev.trafficstatus.core.fleet;

import dev.trafficstatus.spi.page.DeployMarker;
import dev.trafficstatus.spi.page.IncompleteFigures;
import dev.trafficstatus.spi.store.Deploy;
import dev.trafficstatus.spi.store.StoredInstance;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What the page tells about the instances writing its figures: services whose figures are
 * incomplete because instances stopped reporting, and the deploys of new versions, marked on
 * their days. Only counts and versions are public: never instance ids or host names.
 */
public final class FleetView {

  private final SilentInstances silent;
  private final boolean showVersions;

  /**
   * @param settings when an instance counts as silent
   * @param showVersions whether deploy markers name the version ({@code page.showVersions})
   */
  public FleetView(InstanceSettings settings, boolean showVersions) {
    this.silent = new SilentInstances(Objects.requireNonNull(settings, "settings"));
    this.showVersions = showVersions;
  }

  /**
   * The services among {@code services} with silent instances.
   *
   * @param instances the instances the store lists
   * @param services the services of the shown routes
   * @param now when the figures were read
   * @return one entry per service with silent instances, by service name
   */
  public List<IncompleteFigures> incomplete(
      List<StoredInstance> instances, Collection<String> services, Instant now) {
    return silent.incomplete(instances, services, now);
  }

  /**
   * The deploys of the shown routes' services within the window, as markers.
   *
   * @param deploys the deploys the store lists
   * @param services the services of the shown routes
   * @param first the window's first day
   * @param last the window's last day
   * @return the markers, oldest first; versions left out unless shown
   */
  public List<DeployMarker> markers(
      List<Deploy> deploys, Set<String> services, LocalDate first, LocalDate last) {
    List<DeployMarker> markers = new ArrayList<>();
    for (Deploy deploy : deploys) {
      if (services.contains(deploy.service())
          && !deploy.day().isBefore(first)
          && !deploy.day().isAfter(last)) {
        markers.add(
            new DeployMarker(
                deploy.service(), showVersions ? deploy.version() : null, deploy.at(),
                deploy.instances()));
      }
    }
    markers.sort(Comparator.comparing(DeployMarker::at));
    return markers;
  }
}
