package dev.trafficstatus.spi.notify;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What came of one {@link Notifier#send}: delivered, worth retrying, or refused for good. The
 * host records it in the delivery log as it is, so {@code error} must hold no secret.
 *
 * @param outcome what came of it
 * @param responseCode the receiver's status code (HTTP, SMTP), or 0 when there was no answer
 * @param error what went wrong in one line without secrets, at most {@value #MAX_ERROR_LENGTH}
 *     characters (longer is cut); empty when delivered
 * @param retryAfter the earliest the receiver asked to be called again ({@code Retry-After}), if
 *     it said; the host waits at least its own backoff
 */
public record SendResult(
    SendResult.Outcome outcome, int responseCode, String error, Optional<Duration> retryAfter) {

  /** The longest error text kept. */
  public static final int MAX_ERROR_LENGTH = 500;

  /** What came of a send. */
  public enum Outcome {
    /** The receiver took it: never sent again. */
    DELIVERED,
    /** It failed in a way that may pass (no answer, 5xx, 429): sent again after a backoff. */
    RETRY,
    /** The receiver refused it for good (gone, forbidden, malformed): never sent again. */
    REFUSED
  }

  /** Checks the parts are present and cuts the error to one line. */
  public SendResult {
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(error, "error");
    Objects.requireNonNull(retryAfter, "retryAfter");
    if (responseCode < 0) {
      throw new IllegalArgumentException("responseCode must not be negative");
    }
    error = error.replaceAll("[\\p{Cntrl}]+", " ").strip();
    if (error.length() > MAX_ERROR_LENGTH) {
      error = error.substring(0, MAX_ERROR_LENGTH - 1) + "…";
    }
  }

  /**
   * The receiver took it.
   *
   * @param responseCode its status code, or 0
   * @return the result
   */
  public static SendResult delivered(int responseCode) {
    return new SendResult(Outcome.DELIVERED, responseCode, "", Optional.empty());
  }

  /**
   * Try again after a backoff.
   *
   * @param responseCode the receiver's status code, or 0 without an answer
   * @param error what went wrong, without secrets
   * @return the result
   */
  public static SendResult retry(int responseCode, String error) {
    return new SendResult(Outcome.RETRY, responseCode, error, Optional.empty());
  }

  /**
   * Try again, not before the receiver said.
   *
   * @param responseCode the receiver's status code
   * @param error what went wrong, without secrets
   * @param retryAfter how long the receiver asked to wait
   * @return the result
   */
  public static SendResult retryAfter(int responseCode, String error, Duration retryAfter) {
    return new SendResult(Outcome.RETRY, responseCode, error, Optional.of(retryAfter));
  }

  /**
   * Never try again.
   *
   * @param responseCode the receiver's status code, or 0
   * @param error why, without secrets
   * @return the result
   */
  public static SendResult refused(int responseCode, String error) {
    return new SendResult(Outcome.REFUSED, responseCode, error, Optional.empty());
  }
}
