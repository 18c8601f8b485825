package dev.trafficstatus.store.jdbi.internal;

import dev.trafficstatus.spi.store.Deploy;

/**
 * A row of {@code status_deploys} (change set 12-instances).
 *
 * @param service the service
 * @param version the version
 * @param firstAt when its first instance started, epoch microseconds
 * @param instances how many instances started with it on that UTC day
 */
public record DeployRow(String service, String version, long firstAt, int instances) {

  /**
   * The deploy of this row.
   *
   * @return the deploy
   */
  public Deploy toDeploy() {
    return new Deploy(service, version, UtcPeriods.instantOfMicros(firstAt), instances);
  }
}
