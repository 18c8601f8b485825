package dev.trafficstatus.store.jdbi.internal;

/**
 * The store cannot work as configured (an unsupported database, a schema behind the code while
 * migrations are off): start-up fails with this message as it is, since retrying would not help.
 */
public final class StoreSetupException extends IllegalStateException {

  private static final long serialVersionUID = 1L;

  /**
   * @param message what is wrong and what to do about it
   */
  public StoreSetupException(String message) {
    super(message);
  }
}
