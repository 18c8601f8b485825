package dev.trafficstatus.store.jdbi;

import dev.trafficstatus.spi.store.MaintenanceReport;
import dev.trafficstatus.spi.store.Retention;
import dev.trafficstatus.store.jdbi.internal.Database;
import dev.trafficstatus.store.jdbi.internal.Dialect;
import dev.trafficstatus.store.jdbi.internal.Duties;
import dev.trafficstatus.store.jdbi.internal.FiguresReader;
import dev.trafficstatus.store.jdbi.internal.Instances;
import dev.trafficstatus.store.jdbi.internal.Maintenance;
import dev.trafficstatus.store.jdbi.internal.MinuteWriter;
import dev.trafficstatus.store.jdbi.internal.Notices;
import dev.trafficstatus.store.jdbi.internal.Outbox;
import dev.trafficstatus.store.jdbi.internal.Routes;
import dev.trafficstatus.store.jdbi.internal.StoreTimeouts;
import dev.trafficstatus.store.jdbi.internal.Subscribers;
import java.time.Instant;

/**
 * What works on the database of a started {@link JdbiStatusStore}, built when it starts.
 *
 * @param dialect the database's dialect
 * @param routes the routes and their ids
 * @param writer writes minute buckets
 * @param reader reads figures
 * @param maintenance rollups and retention
 * @param notices incidents and maintenances
 * @param outbox the outbox's deliveries
 * @param duties exclusive duties across processes
 * @param instances the processes writing into the store, and their deploys
 * @param subscribers subscribers to incident mail
 */
record StoreParts(
    Dialect dialect,
    Routes routes,
    MinuteWriter writer,
    FiguresReader reader,
    Maintenance maintenance,
    Notices notices,
    Outbox outbox,
    Duties duties,
    Instances instances,
    Subscribers subscribers) {

  /**
   * Builds the parts on a database whose schema is current, reading the routes' ids.
   *
   * @param database the store's database
   * @param dialect its dialect
   * @param timeouts how long statements may take
   * @return the parts
   */
  static StoreParts start(Database database, Dialect dialect, StoreTimeouts timeouts) {
    Routes routes = new Routes(database, dialect);
    routes.refresh();
    return new StoreParts(
        dialect,
        routes,
        new MinuteWriter(database, dialect, routes),
        new FiguresReader(database, routes),
        new Maintenance(database, dialect, timeouts.maintenance()),
        new Notices(database),
        new Outbox(database, dialect),
        new Duties(database),
        new Instances(database),
        new Subscribers(database));
  }

  /**
   * Rollups and retention; when they ran here, also the instances and deploys past retention.
   *
   * @param now the current time
   * @param retention how long rows are kept
   * @return what the rollups and retention did
   */
  MaintenanceReport maintain(Instant now, Retention retention) {
    MaintenanceReport report = maintenance.run(now, retention);
    if (report.ran()) {
      instances.forget(now, retention);
    }
    return report;
  }

  /**
   * Checks that the database answers.
   *
   * @return null, as {@link JdbiStatusStore#call} wants a value
   */
  Void ping() {
    reader.ping();
    return null;
  }
}
