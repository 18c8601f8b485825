package dev.trafficstatus.capture.probe;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import dev.trafficstatus.spi.capture.Capture;
import dev.trafficstatus.spi.capture.CaptureContext;
import dev.trafficstatus.spi.capture.CaptureFactory;
import io.dropwizard.util.Duration;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Probes URLs on a schedule ({@code type: probe}), as Statsig's status page did from its
 * {@code urls.cfg}: each probe is a route of its own in the group "Probes", named after the probe,
 * its rule {@code probe:<name>}. An answer with an expected status code is a success; any other
 * answer, a timeout or a connection error is a failure.
 *
 * <pre>{@code
 * captures:
 *   - type: probe
 *     interval: 30s          # default for every probe that sets none, and for urls.cfg
 *     timeout: 10s           # likewise
 *     maxConcurrency: 4      # requests in flight at once
 *     urlsFile: urls.cfg     # optional: key=url per line
 *     probes:
 *       - name: Website
 *         url: https://example.com/
 * }</pre>
 *
 * <p>It needs nothing of its host but the recorder: it is also the worked example of a capture
 * plugin (README, "Writing a plugin").
 */
@JsonTypeName(ProbeCaptureFactory.NAME)
public final class ProbeCaptureFactory implements CaptureFactory {

  /** The {@code type:} of this capture in configuration. */
  public static final String NAME = "probe";

  /** The group every probe's route is shown in. */
  static final String GROUP = "Probes";

  @Valid @NotNull private List<ProbeSettings> probes = List.of();

  private String urlsFile;

  private Duration interval = Duration.seconds(30);

  private Duration timeout = Duration.seconds(10);

  @Min(1)
  @Max(256)
  private int maxConcurrency = 4;

  /** Creates the factory with its defaults: no probes, every 30s, 10s timeout, 4 at a time. */
  public ProbeCaptureFactory() {}

  @Override
  public String name() {
    return NAME;
  }

  /**
   * The probes listed in configuration.
   *
   * @return the entries, possibly empty
   */
  @JsonProperty
  public List<ProbeSettings> getProbes() {
    return probes;
  }

  @JsonProperty
  public void setProbes(List<ProbeSettings> probes) {
    this.probes = probes;
  }

  /**
   * A Statsig {@code urls.cfg} whose {@code key=url} lines are probes too, read at start-up.
   *
   * @return the path, relative to the working directory, or null for none
   */
  @JsonProperty
  public String getUrlsFile() {
    return urlsFile;
  }

  @JsonProperty
  public void setUrlsFile(String urlsFile) {
    this.urlsFile = urlsFile;
  }

  /**
   * How often probes run that set no interval of their own, and every urls.cfg probe.
   *
   * @return the interval
   */
  @JsonIgnore
  public Duration getInterval() {
    return interval;
  }

  /**
   * Sets the default interval. Read by Dropwizard's {@link Duration#parse}, as every duration in
   * {@code config.yml} is; taken as text so that what it refuses gets a message saying what to
   * write instead.
   *
   * @param interval such as {@code 30s} or {@code 30 seconds}; from 100ms to 1d
   * @throws IllegalArgumentException when it is not such a duration
   */
  @JsonProperty("interval")
  public void setInterval(String interval) {
    this.interval = Probe.checkInterval(Probe.duration(interval));
  }

  /**
   * How long attempts of probes that set no timeout of their own may take, and of every urls.cfg
   * probe.
   *
   * @return the timeout
   */
  @JsonIgnore
  public Duration getTimeout() {
    return timeout;
  }

  /**
   * Sets the default timeout, read as {@link #setInterval} reads the interval.
   *
   * @param timeout such as {@code 10s}; longer than zero, not longer than the interval
   * @throws IllegalArgumentException when it is not such a duration
   */
  @JsonProperty("timeout")
  public void setTimeout(String timeout) {
    this.timeout = Probe.checkTimeout(Probe.duration(timeout));
  }

  /**
   * The most requests in flight at once, over all probes. A probe due while all are taken waits
   * for one.
   *
   * @return the bound
   */
  @JsonProperty
  public int getMaxConcurrency() {
    return maxConcurrency;
  }

  @JsonProperty
  public void setMaxConcurrency(int maxConcurrency) {
    this.maxConcurrency = maxConcurrency;
  }

  /**
   * Reads the urls.cfg file, if any, and declares one route per probe. Starts nothing: the
   * returned capture's {@link Capture#start()} does.
   *
   * @throws IllegalArgumentException when the urls.cfg file is missing or malformed, two probes
   *     share a name, or a probe's timeout is longer than its interval
   */
  @Override
  public Capture build(CaptureContext context) {
    Objects.requireNonNull(context, "context");
    return new ProbeCapture(
        resolveProbes(), maxConcurrency, urlsFile, context.service(), context.recorder());
  }

  /**
   * Every probe, from the list and then the urls.cfg file, with defaults filled in.
   *
   * @return the probes, names unique
   * @throws IllegalArgumentException as {@link #build} does
   */
  List<Probe> resolveProbes() {
    List<Probe> resolved = new ArrayList<>();
    for (ProbeSettings settings : probes) {
      resolved.add(settings.toProbe(interval, timeout));
    }
    if (urlsFile != null) {
      for (UrlsFile.Entry entry : UrlsFile.read(Path.of(urlsFile))) {
        resolved.add(
            new Probe(
                entry.key(),
                entry.url(),
                ProbeMethod.GET,
                interval,
                timeout,
                Set.copyOf(Probe.DEFAULT_EXPECTED_STATUS),
                false,
                entry.url().shown(),
                urlsFile + " line " + entry.line()));
      }
    }
    Map<String, Probe> byName = new HashMap<>();
    for (Probe probe : resolved) {
      Probe earlier = byName.putIfAbsent(probe.name(), probe);
      if (earlier != null) {
        throw new IllegalArgumentException(
            "Two probes are named '" + probe.name() + "' (" + earlier.source() + " and "
                + probe.source() + "); a name is the probe's route, so names must be unique");
      }
    }
    return List.copyOf(resolved);
  }
}
