package dev.trafficstatus.core.notice;

/**
 * A change of a notice that cannot be made as asked (a window that ends before it starts, a status
 * of the other kind, a maintenance entirely in the past without a reason): nothing was written.
 * The message says what is wrong in the client's terms; the API answers it with a 400.
 */
public class InvalidNoticeException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  /**
   * @param message what is wrong
   */
  public InvalidNoticeException(String message) {
    super(message);
  }
}
