package dev.trafficstatus.spi.store;

/**
 * A save found the stored record changed since it was read (another person's edit, or the
 * evaluator's): nothing was written; read it again and retry, or tell the client (409).
 */
public class ConcurrentChangeException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /**
   * @param message which record, and the versions seen
   */
  public ConcurrentChangeException(String message) {
    super(message);
  }
}
