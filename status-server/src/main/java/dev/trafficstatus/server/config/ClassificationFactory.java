package dev.trafficstatus.server.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.trafficstatus.core.classify.Classifier;
import dev.trafficstatus.core.classify.StatusRange;
import java.util.List;

/**
 * {@code status.classification}: which HTTP status codes count as up and which as down; every
 * other code is ignored. Entries are codes ({@code 404}), classes ({@code 5xx}) or ranges
 * ({@code 500-504}). The default is FlaskStatus's: 2xx and 3xx succeed, 404 and 5xx fail.
 */
public class ClassificationFactory {

  private List<StatusRange> success = List.of(StatusRange.parse("2xx"), StatusRange.parse("3xx"));
  private List<StatusRange> failure = List.of(StatusRange.parse("404"), StatusRange.parse("5xx"));

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
   * The classifier.
   *
   * @return the classifier
   * @throws IllegalArgumentException when a code is listed both ways
   */
  public Classifier build() {
    return Classifier.of(success, failure);
  }
}
