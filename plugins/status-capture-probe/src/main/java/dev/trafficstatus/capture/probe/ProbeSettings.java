package dev.trafficstatus.capture.probe;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One entry of the probe capture's {@code probes:} list.
 *
 * <pre>{@code
 * - name: Checkout API             # required: the route's name on the page
 *   url: https://api.example.com/health   # required: absolute http or https
 *   method: GET                    # or HEAD
 *   interval: 30s                  # default: the capture's interval
 *   timeout: 10s                   # default: the capture's timeout
 *   expectedStatus: [200, 202, 301, 302, 307]
 *   followRedirects: false
 *   doc: Public checkout endpoint  # default: the URL without user info and query values
 * }</pre>
 *
 * <p>Durations are Dropwizard's, read as every duration in {@code config.yml}: a whole number and
 * a unit ({@code 500ms}, {@code 30s}, {@code 2m}, {@code 1h}, {@code 1d}, {@code 30 seconds});
 * ISO-8601 ({@code PT30S}) is not accepted.
 */
public final class ProbeSettings {

  /** The {@link Probe#source()} of probes from this list. */
  static final String SOURCE = "probes";

  @NotNull
  @Pattern(
      regexp = Probe.NAME_PATTERN,
      message =
          "must be 1 to 100 characters without control characters, and not start or end with a"
              + " space")
  private String name;

  @NotNull private ProbeUrl url;

  @NotNull private ProbeMethod method = ProbeMethod.GET;

  private Duration interval;

  private Duration timeout;

  @NotEmpty
  private List<@NotNull @Min(100) @Max(599) Integer> expectedStatus = Probe.DEFAULT_EXPECTED_STATUS;

  private boolean followRedirects;

  @Size(max = 1000)
  private String doc;

  /** Creates an entry with the defaults; name and url must still be set. */
  public ProbeSettings() {}

  /**
   * The route's name on the page.
   *
   * @return the name, or null before it is set
   */
  @JsonProperty
  public String getName() {
    return name;
  }

  @JsonProperty
  public void setName(String name) {
    this.name = name;
  }

  /**
   * Sets the URL to call. It has no getter: it may hold secrets (user info, a token in the query),
   * so only its redacted form ever leaves the plugin.
   *
   * @param url an absolute http:// or https:// URL; user info is sent as basic auth
   * @throws IllegalArgumentException when it is not one
   */
  @JsonProperty("url")
  public void setUrl(String url) {
    this.url = ProbeUrl.parse(url);
  }

  @JsonProperty
  public ProbeMethod getMethod() {
    return method;
  }

  @JsonProperty
  public void setMethod(ProbeMethod method) {
    this.method = method;
  }

  /**
   * This probe's interval, when it has one of its own.
   *
   * @return the interval, or empty to use the capture's
   */
  @JsonIgnore
  public Optional<Duration> getInterval() {
    return Optional.ofNullable(interval);
  }

  /**
   * Sets how often the probe runs.
   *
   * @param interval such as {@code 30s}; from 100ms to 1d
   * @throws IllegalArgumentException when it is not such a duration
   */
  @JsonProperty("interval")
  public void setInterval(String interval) {
    this.interval = Probe.checkInterval(Probe.duration(interval));
  }

  /**
   * This probe's timeout, when it has one of its own.
   *
   * @return the timeout, or empty to use the capture's
   */
  @JsonIgnore
  public Optional<Duration> getTimeout() {
    return Optional.ofNullable(timeout);
  }

  /**
   * Sets how long an attempt may take before it counts as a failure.
   *
   * @param timeout such as {@code 10s}; longer than zero and not longer than the interval
   * @throws IllegalArgumentException when it is not such a duration
   */
  @JsonProperty("timeout")
  public void setTimeout(String timeout) {
    this.timeout = Probe.checkTimeout(Probe.duration(timeout));
  }

  @JsonProperty
  public List<Integer> getExpectedStatus() {
    return expectedStatus;
  }

  @JsonProperty
  public void setExpectedStatus(List<Integer> expectedStatus) {
    this.expectedStatus = expectedStatus;
  }

  @JsonProperty
  public boolean isFollowRedirects() {
    return followRedirects;
  }

  @JsonProperty
  public void setFollowRedirects(boolean followRedirects) {
    this.followRedirects = followRedirects;
  }

  /**
   * What the page shows under the name.
   *
   * @return the text, or null for the redacted URL
   */
  @JsonProperty
  public String getDoc() {
    return doc;
  }

  @JsonProperty
  public void setDoc(String doc) {
    this.doc = doc;
  }

  /**
   * Resolves this entry, filling what it leaves out from the capture's defaults.
   *
   * @param defaultInterval the capture's interval
   * @param defaultTimeout the capture's timeout
   * @return the probe
   * @throws IllegalArgumentException when name or url is missing or the timeout exceeds the
   *     interval
   */
  Probe toProbe(Duration defaultInterval, Duration defaultTimeout) {
    if (name == null || url == null) {
      throw new IllegalArgumentException(
          "every entry of probes needs a name and a url"
              + (name == null ? "" : "; '" + name + "' has no url"));
    }
    return new Probe(
        name,
        url,
        method,
        interval != null ? interval : defaultInterval,
        timeout != null ? timeout : defaultTimeout,
        Set.copyOf(expectedStatus),
        followRedirects,
        doc != null ? doc : url.shown(),
        SOURCE);
  }
}
