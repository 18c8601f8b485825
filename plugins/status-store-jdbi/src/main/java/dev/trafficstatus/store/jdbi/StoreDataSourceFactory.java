package dev.trafficstatus.store.jdbi;

import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.util.Duration;

/**
 * The {@code store.database} block: a Dropwizard {@link DataSourceFactory} whose defaults bound
 * how long a call waits when the database does not answer. Every key of {@link DataSourceFactory}
 * works as usual and overrides these:
 *
 * <ul>
 *   <li>{@code maxWaitForConnection: 5s} (Dropwizard's own default is 30s): how long a call waits
 *       for a connection when every pooled one is busy;
 *   <li>{@code validationQueryTimeout: 5s} (none by default): how long the check of a borrowed
 *       connection may take;
 *   <li>{@code checkConnectionOnBorrow: true}, always: a restarted database leaves dead connections
 *       in the pool, and checking on borrow discards them.
 * </ul>
 *
 * <p>On PostgreSQL, the store adds pgjdbc's timeouts to {@code properties} unless they are given
 * there or in the URL: {@code connectTimeout: 10}, {@code loginTimeout: 10} and {@code
 * socketTimeout}: the store's statement timeout plus 5 (seconds). The socket timeout is what ends
 * a statement on a database that stopped answering altogether (its statement timeout needs the
 * database to cancel).
 */
public class StoreDataSourceFactory extends DataSourceFactory {

  /** How long a call waits for a pooled connection, by default. */
  public static final Duration MAX_WAIT_FOR_CONNECTION = Duration.seconds(5);

  /** How long the check of a borrowed connection may take, by default. */
  public static final Duration VALIDATION_QUERY_TIMEOUT = Duration.seconds(5);

  /** pgjdbc's connect and login timeouts, in seconds, by default. */
  public static final int CONNECT_SECONDS = 10;

  /** A data source factory with the store's defaults. */
  public StoreDataSourceFactory() {
    setMaxWaitForConnection(MAX_WAIT_FOR_CONNECTION);
    setValidationQueryTimeout(VALIDATION_QUERY_TIMEOUT);
    setCheckConnectionOnBorrow(true);
  }
}
