package dev.trafficstatus.capture.healthchecks;

import com.codahale.metrics.health.HealthCheckRegistry;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import dev.trafficstatus.spi.capture.Capture;
import dev.trafficstatus.spi.capture.CaptureContext;
import dev.trafficstatus.spi.capture.CaptureFactory;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.MaxDuration;
import io.dropwizard.validation.MinDuration;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Runs the host's Dropwizard health checks on a schedule ({@code type: healthchecks}) and records
 * each as a route of its own in the group "Health checks": named after the check, its rule {@code
 * healthcheck:<name>}. A healthy result is a success, an unhealthy one, an exception or a check
 * that outlasts its timeout a failure, each with the check's run time. A check's message is never
 * recorded, logged or shown: it may hold internals.
 *
 * <pre>{@code
 * captures:
 *   - type: healthchecks
 *     interval: 30s          # every check runs once per interval
 *     timeout: 10s           # longer counts as a failure; at most the interval
 *     maxConcurrency: 4      # checks running at once
 *     include: []            # exact names to run; empty: all (but trafficstatus-*)
 *     exclude: [reports-db]  # exact names never to run
 * }</pre>
 *
 * <p>Checks are named exactly, as registered: no patterns. With {@code include} empty every check
 * runs except the bundle's own ({@code trafficstatus-*}, which watch the status page itself, not
 * the application) and those in {@code exclude}; a non-empty {@code include} runs only the checks
 * it names, the bundle's own too if named. Checks registered after start-up are picked up at the
 * next round.
 *
 * <p>The registry is the host's {@link HealthCheckRegistry}, or else its Dropwizard {@link
 * Environment}'s.
 */
@JsonTypeName(HealthCheckCaptureFactory.NAME)
public final class HealthCheckCaptureFactory implements CaptureFactory {

  /** The {@code type:} of this capture in configuration. */
  public static final String NAME = "healthchecks";

  /** The group every check's route is shown in. */
  static final String GROUP = "Health checks";

  /** Checks whose names start so are the bundle's own, left out unless included by name. */
  static final String BUNDLE_PREFIX = "trafficstatus-";

  @NotNull
  @MinDuration(value = 100, unit = TimeUnit.MILLISECONDS)
  @MaxDuration(value = 1, unit = TimeUnit.DAYS)
  private Duration interval = Duration.seconds(30);

  @NotNull
  @MinDuration(value = 1, unit = TimeUnit.MILLISECONDS)
  private Duration timeout = Duration.seconds(10);

  @Min(1)
  @Max(64)
  private int maxConcurrency = 4;

  @NotNull private List<@NotNull String> include = List.of();

  @NotNull private List<@NotNull String> exclude = List.of();

  /** Creates the factory with its defaults: every 30s, 10s timeout, 4 at a time, all checks. */
  public HealthCheckCaptureFactory() {}

  /**
   * Off unless listed in {@code status.captures}: the names of an app's health checks are not put
   * on its public page without its owner asking.
   */
  @Override
  public boolean onByDefault() {
    return false;
  }

  @Override
  public String name() {
    return NAME;
  }

  /**
   * How often every check runs.
   *
   * @return the interval
   */
  @JsonProperty
  public Duration getInterval() {
    return interval;
  }

  /**
   * Sets how often every check runs, read as every duration in {@code config.yml}.
   *
   * @param interval such as {@code 30s} or {@code 1 minute}; from 100ms to 1d
   */
  @JsonProperty
  public void setInterval(Duration interval) {
    this.interval = interval;
  }

  /**
   * How long a check may run before it counts as a failure.
   *
   * @return the timeout
   */
  @JsonProperty
  public Duration getTimeout() {
    return timeout;
  }

  /**
   * Sets how long a check may run before it counts as a failure.
   *
   * @param timeout such as {@code 10s}; at least 1ms, not longer than the interval
   */
  @JsonProperty
  public void setTimeout(Duration timeout) {
    this.timeout = timeout;
  }

  /**
   * The most checks running at once; a due check waits for a free thread.
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
   * The checks to run, by exact name.
   *
   * @return the names; empty for every check but the bundle's own
   */
  @JsonProperty
  public List<String> getInclude() {
    return include;
  }

  @JsonProperty
  public void setInclude(List<String> include) {
    this.include = include;
  }

  /**
   * The checks never to run, by exact name.
   *
   * @return the names, possibly empty
   */
  @JsonProperty
  public List<String> getExclude() {
    return exclude;
  }

  @JsonProperty
  public void setExclude(List<String> exclude) {
    this.exclude = exclude;
  }

  /**
   * Finds the host's health check registry. Declares nothing and runs nothing yet: routes are
   * declared at each check's first round, and rounds begin with {@link Capture#start()}.
   *
   * @throws IllegalStateException when the host offers neither a {@link HealthCheckRegistry} nor a
   *     Dropwizard {@link Environment}
   * @throws IllegalArgumentException when the timeout is longer than the interval
   */
  @Override
  public Capture build(CaptureContext context) {
    Objects.requireNonNull(context, "context");
    HealthCheckRegistry registry =
        context
            .host(HealthCheckRegistry.class)
            .or(() -> context.host(Environment.class).map(Environment::healthChecks))
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "The '" + NAME + "' capture runs the host's health checks, but its host"
                            + " offers neither a com.codahale.metrics.health.HealthCheckRegistry"
                            + " nor an io.dropwizard.core.setup.Environment (CaptureContext.host);"
                            + " use it inside a Dropwizard application"));
    return new HealthCheckCapture(
        registry,
        new CheckSelection(Set.copyOf(include), Set.copyOf(exclude)),
        new CheckSchedule(interval, timeout, maxConcurrency),
        context.service(),
        context.recorder());
  }
}
