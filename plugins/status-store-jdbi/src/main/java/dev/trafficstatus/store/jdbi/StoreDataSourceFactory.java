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
 *       in the pool, and checking on borrow discards them;
 *   <li>{@code initialSize: 1}, {@code minSize: 1}, {@code maxSize: 8} (Dropwizard's are 10, 10 and
 *       100): the store's few threads (flusher, maintenance, page refresh, evaluator, API calls)
 *       rarely use more than one connection at a time, and every instance of a fleet has a pool of
 *       its own. With Dropwizard's sizes ten instances fill PostgreSQL's default {@code
 *       max_connections} of 100 before they write a row (SCALING.md).
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

  /** Connections opened at start and kept when idle, by default. */
  public static final int MIN_SIZE = 1;

  /** The most connections one store opens, by default. */
  public static final int MAX_SIZE = 8;

  /** A data source factory with the store's defaults. */
  public StoreDataSourceFactory() {
    setMaxWaitForConnection(MAX_WAIT_FOR_CONNECTION);
    setValidationQueryTimeout(VALIDATION_QUERY_TIMEOUT);
    setCheckConnectionOnBorrow(true);
    setInitialSize(MIN_SIZE);
    setMinSize(MIN_SIZE);
    setMaxSize(MAX_SIZE);
  }
}
