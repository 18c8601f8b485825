package dev.trafficstatus.core.classify;

import java.util.List;

/**
 * Decides whether a status code is a success, a failure or ignored, by one array lookup.
 *
 * <p>The seed's rule is the default: 2xx and 3xx succeed; 404 and every 5xx fail (an unmapped
 * exception is a 500); every other code is ignored. Codes outside 100..599 are ignored.
 */
public final class Classifier {

  private static final int CODES = 600;

  private final Outcome[] byStatus;
  private final List<StatusRange> success;
  private final List<StatusRange> failure;

  private Classifier(List<StatusRange> success, List<StatusRange> failure) {
    this.success = List.copyOf(success);
    this.failure = List.copyOf(failure);
    this.byStatus = new Outcome[CODES];
    for (int code = 0; code < CODES; code++) {
      byStatus[code] = Outcome.IGNORED;
    }
    for (StatusRange range : this.success) {
      for (int code = range.first(); code <= range.last(); code++) {
        byStatus[code] = Outcome.SUCCESS;
      }
    }
    for (StatusRange range : this.failure) {
      for (int code = range.first(); code <= range.last(); code++) {
        if (byStatus[code] == Outcome.SUCCESS) {
          throw new IllegalArgumentException(
              "status " + code + " is listed as both success (" + success + ") and failure ("
                  + failure + ")");
        }
        byStatus[code] = Outcome.FAILURE;
      }
    }
  }

  /**
   * A classifier from configured ranges; codes in neither list are ignored.
   *
   * @param success the codes that count as successes
   * @param failure the codes that count as failures
   * @return the classifier
   * @throws IllegalArgumentException when a code is in both lists
   */
  public static Classifier of(List<StatusRange> success, List<StatusRange> failure) {
    return new Classifier(success, failure);
  }

  /**
   * The seed's classification: 2xx and 3xx succeed; 404 and 5xx fail; the rest is ignored.
   *
   * @return the default classifier
   */
  public static Classifier seedDefault() {
    return of(
        List.of(StatusRange.parse("2xx"), StatusRange.parse("3xx")),
        List.of(StatusRange.parse("404"), StatusRange.parse("5xx")));
  }

  /**
   * Classifies a status code.
   *
   * @param status the HTTP status code
   * @return its outcome
   */
  public Outcome classify(int status) {
    return status >= 0 && status < CODES ? byStatus[status] : Outcome.IGNORED;
  }

  @Override
  public String toString() {
    return "success " + success + ", failure " + failure + ", other codes ignored";
  }
}
