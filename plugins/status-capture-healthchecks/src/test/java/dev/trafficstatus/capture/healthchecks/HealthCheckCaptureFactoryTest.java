package dev.trafficstatus.capture.healthchecks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.codahale.metrics.health.HealthCheckRegistry;
import dev.trafficstatus.spi.capture.CaptureFactory;
import dev.trafficstatus.testkit.RecordingRecorder;
import dev.trafficstatus.testkit.TestCaptureContext;
import io.dropwizard.configuration.ConfigurationException;
import io.dropwizard.configuration.ConfigurationSourceProvider;
import io.dropwizard.configuration.DefaultConfigurationFactoryFactory;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.jackson.Jackson;
import io.dropwizard.validation.BaseValidator;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** The health-check capture as the server finds, binds, validates and builds it from YAML. */
class HealthCheckCaptureFactoryTest {

  private static final Duration SETTLE = Duration.ofSeconds(20);

  /** Binds and validates as Dropwizard does at start-up: unknown keys fail. */
  private static HealthCheckCaptureFactory parse(String yaml) throws Exception {
    String typed = "type: healthchecks\n" + yaml;
    ConfigurationSourceProvider inline =
        path -> new ByteArrayInputStream(typed.getBytes(StandardCharsets.UTF_8));
    return new DefaultConfigurationFactoryFactory<HealthCheckCaptureFactory>()
        .create(
            HealthCheckCaptureFactory.class,
            BaseValidator.newValidator(),
            Jackson.newObjectMapper(),
            "dw")
        .build(inline, "healthchecks.yml");
  }

  @Test
  void serviceLoaderFindsTheHealthCheckCaptureByItsName() {
    List<CaptureFactory> found =
        ServiceLoader.load(CaptureFactory.class).stream().map(ServiceLoader.Provider::get).toList();

    assertThat(found)
        .filteredOn(factory -> factory.name().equals("healthchecks"))
        .singleElement()
        .isInstanceOf(HealthCheckCaptureFactory.class);
  }

  @Test
  void anEmptyBlockTakesTheDefaults() throws Exception {
    HealthCheckCaptureFactory factory = parse("");

    assertThat(factory.getInterval().toJavaDuration()).isEqualTo(Duration.ofSeconds(30));
    assertThat(factory.getTimeout().toJavaDuration()).isEqualTo(Duration.ofSeconds(10));
    assertThat(factory.getMaxConcurrency()).isEqualTo(4);
    assertThat(factory.getInclude()).isEmpty();
    assertThat(factory.getExclude()).isEmpty();
  }

  @Test
  void everySettingBinds() throws Exception {
    HealthCheckCaptureFactory factory =
        parse(
            """
            interval: 1 minute
            timeout: 5s
            maxConcurrency: 2
            include: [db, trafficstatus-store]
            exclude: [reports-db]
            """);

    assertThat(factory.getInterval().toJavaDuration()).isEqualTo(Duration.ofMinutes(1));
    assertThat(factory.getTimeout().toJavaDuration()).isEqualTo(Duration.ofSeconds(5));
    assertThat(factory.getMaxConcurrency()).isEqualTo(2);
    assertThat(factory.getInclude()).containsExactly("db", "trafficstatus-store");
    assertThat(factory.getExclude()).containsExactly("reports-db");
  }

  @Test
  void aDurationDropwizardCannotReadIsRefusedNamingTheKey() {
    assertThatThrownBy(() -> parse("interval: PT30S\n"))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("interval");
  }

  @Test
  void anIntervalOutsideItsBoundsIsRefused() {
    assertThatThrownBy(() -> parse("interval: 50ms\n"))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("interval must be greater than or equal to 100 MILLISECONDS");
    assertThatThrownBy(() -> parse("interval: 2d\n"))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("interval must be less than or equal to 1 DAYS");
    assertThatThrownBy(() -> parse("timeout: 0s\n"))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("timeout must be greater than or equal to 1 MILLISECONDS");
  }

  @Test
  void validationNamesTheOffendingKeys() {
    assertThatThrownBy(() -> parse("maxConcurrency: 0\ninclude: [db, null]\nretries: 3\n"))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("retries");
    assertThatThrownBy(() -> parse("maxConcurrency: 0\ninclude: [db, null]\n"))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("maxConcurrency must be greater than or equal to 1")
        .hasMessageContaining("include[1]");
  }

  @Test
  void aTimeoutLongerThanTheIntervalFailsTheBuild() throws Exception {
    HealthCheckCaptureFactory factory = parse("interval: 5s\n");
    TestCaptureContext context =
        new TestCaptureContext("shop", new RecordingRecorder(), new HealthCheckRegistry());

    assertThatThrownBy(() -> factory.build(context))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'healthchecks' capture's timeout 10 seconds is longer than its interval 5 seconds");
  }

  @Test
  void refusesAHostWithNeitherARegistryNorADropwizardEnvironment() {
    TestCaptureContext outsideDropwizard = new TestCaptureContext("shop", new RecordingRecorder());

    assertThatThrownBy(() -> new HealthCheckCaptureFactory().build(outsideDropwizard))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("'healthchecks' capture")
        .hasMessageContaining("com.codahale.metrics.health.HealthCheckRegistry")
        .hasMessageContaining("io.dropwizard.core.setup.Environment");
  }

  @Test
  void runsTheChecksOfTheHostsDropwizardEnvironment() throws Exception {
    Environment environment = new Environment("shop");
    environment.healthChecks().register("db", Checks.healthy());
    RecordingRecorder recorder = new RecordingRecorder();
    HealthCheckCapture capture =
        (HealthCheckCapture)
            new HealthCheckCaptureFactory()
                .build(new TestCaptureContext("shop", recorder, environment));

    try {
      capture.runRound();

      assertThat(recorder.await(r -> r.tally("healthcheck:db").successes() == 1, SETTLE)).isTrue();
    } finally {
      capture.stop();
    }
  }

  @Test
  void describesWhatItRuns() throws Exception {
    HealthCheckRegistry registry = new HealthCheckRegistry();
    registry.register("db", Checks.healthy());
    registry.register("deadlocks", Checks.healthy());
    registry.register("reports-db", Checks.healthy());
    registry.register("trafficstatus-store", Checks.healthy());
    HealthCheckCaptureFactory all = parse("exclude: [reports-db]\n");
    HealthCheckCaptureFactory some = parse("interval: 1m\ninclude: [db, trafficstatus-store]\n");
    RecordingRecorder recorder = new RecordingRecorder();

    assertThat(all.build(new TestCaptureContext("shop", recorder, registry)).describe())
        .isEqualTo(
            "every health check of the host but trafficstatus-* and reports-db, every 30 seconds,"
                + " each within 10 seconds, at most 4 at a time (2 now: db, deadlocks)");
    assertThat(some.build(new TestCaptureContext("shop", recorder, registry)).describe())
        .isEqualTo(
            "the health checks db, trafficstatus-store, every 1 minute, each within 10 seconds, at"
                + " most 4 at a time (2 now: db, trafficstatus-store)");
    assertThat(recorder.declarations()).as("describing declares nothing").isEmpty();
  }
}
