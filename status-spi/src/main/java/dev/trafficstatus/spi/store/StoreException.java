package dev.trafficstatus.spi.store;

/** The store could not do what was asked: the database is unreachable or refused the statement. */
public class StoreException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /**
   * @param message what was being done, for example "writing 12 minute buckets"
   * @param cause the underlying failure
   */
  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
