package dev.trafficstatus.server.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.trafficstatus.core.classify.Classifier;
import dev.trafficstatus.core.classify.StatusRange;
import java.util.List;

/**
 * {@code status.classification}: which HTTP status codes count as up and which as down; every
 * other code is ignored. Entries are codes ({@code 404}), classes ({@code 5xx}) or ranges
 * ({@code 500-504}). The default is FlaskStatus's (2xx and 3xx succeed, 404 and 5xx fail), except
 * that a 404 from a route with path parameters ({@code /items/{id}}: "no such item") is ignored
 * unless {@code ignoreNotFoundWithParameters} is false. Defaults are {@link Classifier}'s.
 */
@ValidSettings
public class ClassificationFactory implements SettingsBlock {

  private static final Classifier DEFAULTS = Classifier.defaults();

  private List<StatusRange> success = DEFAULTS.success();
  private List<StatusRange> failure = DEFAULTS.failure();
  private boolean ignoreNotFoundWithParameters = DEFAULTS.ignoresNotFoundWithParameters();

  @JsonProperty
  public List<String> getSuccess() {
    return success.stream().map(StatusRange::toString).toList();
  }

  /** Parsed here, so a typo fails configuration parsing with its path and the accepted forms. */
  @JsonProperty
  public void setSuccess(List<String> codes) {
    this.success = codes.stream().map(StatusRange::parse).toList();
  }

  @JsonProperty
  public List<String> getFailure() {
    return failure.stream().map(StatusRange::toString).toList();
  }

  @JsonProperty
  public void setFailure(List<String> codes) {
    this.failure = codes.stream().map(StatusRange::parse).toList();
  }

  /**
   * Whether a 404 from a route whose template has path parameters is ignored, whatever the lists
   * say. False restores FlaskStatus's exact rule.
   */
  @JsonProperty
  public boolean isIgnoreNotFoundWithParameters() {
    return ignoreNotFoundWithParameters;
  }

  @JsonProperty
  public void setIgnoreNotFoundWithParameters(boolean ignoreNotFoundWithParameters) {
    this.ignoreNotFoundWithParameters = ignoreNotFoundWithParameters;
  }

  /**
   * The classifier.
   *
   * @return the classifier
   */
  public Classifier build() {
    return Classifier.of(success, failure, ignoreNotFoundWithParameters);
  }

  @Override
  public void check() {
    build();
  }
}
