package dev.trafficstatus.core.classify;

import dev.trafficstatus.spi.InvalidSettingException;
import java.util.List;

/**
 * Decides whether a status code is a success, a failure or ignored, by one array lookup.
 *
 * <p>FlaskStatus's rule is the default: 2xx and 3xx succeed; 404 and every 5xx fail (an unmapped
 * exception is a 500); every other code is ignored. Codes outside 100..599 are ignored. One
 * exception by default: a 404 from a route whose template has path parameters ({@code
 * /items/{id}}) says "no such item", not "the route is broken", so it is ignored there; otherwise
 * anyone could paint a route red by asking for items that do not exist.
 */
public final class Classifier {

  private static final int CODES = 600;

  private static final int NOT_FOUND = 404;

  private final Outcome[] byStatus;
  private final List<StatusRange> success;
  private final List<StatusRange> failure;
  private final boolean ignoreNotFoundWithParameters;
  /** The classifier of routes with path parameters; this one when they count the same. */
  private final Classifier withParameters;

  private Classifier(
      List<StatusRange> success, List<StatusRange> failure, boolean ignoreNotFoundWithParameters) {
    this.success = List.copyOf(success);
    this.failure = List.copyOf(failure);
    this.ignoreNotFoundWithParameters = ignoreNotFoundWithParameters;
    this.byStatus = table(this.success, this.failure);
    if (ignoreNotFoundWithParameters && byStatus[NOT_FOUND] != Outcome.IGNORED) {
      Outcome[] variant = byStatus.clone();
      variant[NOT_FOUND] = Outcome.IGNORED;
      this.withParameters = new Classifier(this, variant);
    } else {
      this.withParameters = this;
    }
  }

  private Classifier(Classifier base, Outcome[] byStatus) {
    this.success = base.success;
    this.failure = base.failure;
    this.ignoreNotFoundWithParameters = base.ignoreNotFoundWithParameters;
    this.byStatus = byStatus;
    this.withParameters = this;
  }

  private static Outcome[] table(List<StatusRange> success, List<StatusRange> failure) {
    Outcome[] byStatus = new Outcome[CODES];
    for (int code = 0; code < CODES; code++) {
      byStatus[code] = Outcome.IGNORED;
    }
    for (StatusRange range : success) {
      for (int code = range.first(); code <= range.last(); code++) {
        byStatus[code] = Outcome.SUCCESS;
      }
    }
    for (StatusRange range : failure) {
      for (int code = range.first(); code <= range.last(); code++) {
        if (byStatus[code] == Outcome.SUCCESS) {
          throw new InvalidSettingException(
              "failure",
              "must not list a code success lists too: status " + code + " is listed as both success "
                  + success + " and failure " + failure);
        }
        byStatus[code] = Outcome.FAILURE;
      }
    }
    return byStatus;
  }

  /**
   * A classifier from configured ranges; codes in neither list are ignored.
   *
   * @param success the codes that count as successes
   * @param failure the codes that count as failures
   * @param ignoreNotFoundWithParameters whether a 404 from a route with path parameters is ignored
   *     whatever the lists say
   * @return the classifier
   * @throws InvalidSettingException when a code is in both lists
   */
  public static Classifier of(
      List<StatusRange> success, List<StatusRange> failure, boolean ignoreNotFoundWithParameters) {
    return new Classifier(success, failure, ignoreNotFoundWithParameters);
  }

  /**
   * FlaskStatus's classification (2xx and 3xx succeed; 404 and 5xx fail; the rest is ignored),
   * except that a 404 from a route with path parameters is ignored.
   *
   * @return the default classifier
   */
  public static Classifier defaults() {
    return of(
        List.of(StatusRange.parse("2xx"), StatusRange.parse("3xx")),
        List.of(StatusRange.parse("404"), StatusRange.parse("5xx")),
        true);
  }

  /**
   * The classifier for one route: routes whose template has path parameters may count a 404
   * differently.
   *
   * @param rule the route's template, such as {@code /items/{id}}
   * @return the classifier to use for its requests
   */
  public Classifier forRule(String rule) {
    return rule.indexOf('{') >= 0 ? withParameters : this;
  }

  /**
   * The codes that count as successes.
   *
   * @return the ranges, as configured
   */
  public List<StatusRange> success() {
    return success;
  }

  /**
   * The codes that count as failures.
   *
   * @return the ranges, as configured
   */
  public List<StatusRange> failure() {
    return failure;
  }

  /**
   * Whether a 404 from a route with path parameters is ignored whatever the lists say.
   *
   * @return true when it is
   */
  public boolean ignoresNotFoundWithParameters() {
    return ignoreNotFoundWithParameters;
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
    return "success " + success + ", failure " + failure + ", other codes ignored"
        + (ignoreNotFoundWithParameters ? "; 404 ignored on routes with path parameters" : "");
  }
}
