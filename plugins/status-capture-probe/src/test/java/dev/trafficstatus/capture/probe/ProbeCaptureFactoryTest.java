package dev.trafficstatus.capture.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.trafficstatus.spi.RouteDescriptor;
import dev.trafficstatus.spi.capture.CaptureFactory;
import dev.trafficstatus.testkit.RecordingRecorder;
import dev.trafficstatus.testkit.TestCaptureContext;
import io.dropwizard.configuration.ConfigurationException;
import io.dropwizard.configuration.ConfigurationSourceProvider;
import io.dropwizard.configuration.DefaultConfigurationFactoryFactory;
import io.dropwizard.jackson.Jackson;
import io.dropwizard.validation.BaseValidator;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The probe capture as the server finds, binds, validates and builds it from YAML. */
class ProbeCaptureFactoryTest {

  @TempDir Path dir;

  /** Binds and validates as Dropwizard does at start-up: unknown keys fail. */
  private static ProbeCaptureFactory parse(String yaml) throws Exception {
    // The block as the server hands it over: its type names this plugin.
    String typed = "type: probe\n" + (yaml.isBlank() || yaml.strip().equals("{}") ? "" : yaml);
    ConfigurationSourceProvider inline =
        path -> new ByteArrayInputStream(typed.getBytes(StandardCharsets.UTF_8));
    return new DefaultConfigurationFactoryFactory<ProbeCaptureFactory>()
        .create(ProbeCaptureFactory.class, BaseValidator.newValidator(), Jackson.newObjectMapper(), "dw")
        .build(inline, "probe.yml");
  }

  private static RecordingRecorder declare(ProbeCaptureFactory factory) {
    RecordingRecorder recorder = new RecordingRecorder();
    factory.build(new TestCaptureContext("shop", recorder));
    return recorder;
  }

  @Test
  void serviceLoaderFindsTheProbeCaptureByItsName() {
    List<CaptureFactory> found =
        ServiceLoader.load(CaptureFactory.class).stream().map(ServiceLoader.Provider::get).toList();

    assertThat(found)
        .filteredOn(factory -> factory.name().equals("probe"))
        .singleElement()
        .isInstanceOf(ProbeCaptureFactory.class);
  }

  @Test
  void aProbeWithOnlyANameAndAUrlGetsTheStatsigDefaults() throws Exception {
    ProbeCaptureFactory factory = parse("probes:\n  - name: Website\n    url: https://example.com/\n");

    assertThat(factory.resolveProbes())
        .singleElement()
        .satisfies(
            probe -> {
              assertThat(probe.method()).isEqualTo(ProbeMethod.GET);
              assertThat(probe.interval().toJavaDuration()).isEqualTo(Duration.ofSeconds(30));
              assertThat(probe.timeout().toJavaDuration()).isEqualTo(Duration.ofSeconds(10));
              assertThat(probe.expectedStatus()).containsExactlyInAnyOrder(200, 202, 301, 302, 307);
              assertThat(probe.followRedirects()).isFalse();
              assertThat(probe.rule()).isEqualTo("probe:Website");
            });
    assertThat(factory.getMaxConcurrency()).isEqualTo(4);
  }

  @Test
  void everySettingOfAProbeBinds() throws Exception {
    ProbeCaptureFactory factory =
        parse(
            """
            interval: 2m
            timeout: 5 seconds
            maxConcurrency: 8
            probes:
              - name: API
                url: https://api.example.com/health
                method: head
                interval: 500ms
                timeout: 250ms
                expectedStatus: [200, 204]
                followRedirects: true
                doc: The public API
            """);

    Probe api = factory.resolveProbes().get(0);
    assertThat(api.method()).isEqualTo(ProbeMethod.HEAD);
    assertThat(api.interval().toJavaDuration()).isEqualTo(Duration.ofMillis(500));
    assertThat(api.timeout().toJavaDuration()).isEqualTo(Duration.ofMillis(250));
    assertThat(api.expectedStatus()).containsExactlyInAnyOrder(200, 204);
    assertThat(api.followRedirects()).isTrue();
    assertThat(api.doc()).isEqualTo("The public API");
    assertThat(factory.getInterval().toJavaDuration()).isEqualTo(Duration.ofMinutes(2));
    assertThat(factory.getTimeout().toJavaDuration()).isEqualTo(Duration.ofSeconds(5));
    assertThat(factory.getMaxConcurrency()).isEqualTo(8);
  }

  @Test
  void aDurationWithoutAUnitSaysWhatIsAccepted() {
    assertThatThrownBy(() -> parse("interval: 30\n"))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("interval")
        .hasMessageContaining("'30' is not a duration")
        .hasMessageContaining("30s");
  }

  @Test
  void anIso8601DurationIsRefusedSayingWhatToWriteInstead() {
    assertThatThrownBy(() -> parse("probes:\n  - name: a\n    url: http://x/\n    timeout: PT30S\n"))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("timeout")
        .hasMessageContaining("'PT30S' is not a duration")
        .hasMessageContaining("such as 500ms, 30s, 2m, 1h, 1d or 30 seconds")
        .hasMessageContaining("ISO-8601 such as PT30S is not accepted");
  }

  /** What a Dropwizard configuration holds: a duration, bound by Dropwizard's own rules. */
  public static final class DropwizardDuration {
    @JsonProperty public io.dropwizard.util.Duration value;
  }

  @Test
  void durationsReadExactlyAsDropwizardReadsItsOwn() throws Exception {
    for (String text :
        List.of(
            "100ms", "500ms", "500 milliseconds", "30s", "30 seconds", "90s", "2m", "1 minute",
            "2 minutes", "1h", "2 hours", "1d", "1 day")) {
      Duration dropwizard = dropwizardDuration(text).value.toJavaDuration();

      assertThat(parse("interval: " + text + "\n").getInterval().toJavaDuration())
          .as(text)
          .isEqualTo(dropwizard);
      assertThat(perProbeInterval(text).toJavaDuration()).as(text).isEqualTo(dropwizard);
    }
  }

  @Test
  void whatDropwizardRefusesIsRefusedSayingWhatIsAccepted() {
    for (String text : List.of("30", "PT30S", "pt30s", "1.5s", "-5s", "5 fortnights", "s", "30S")) {
      assertThatThrownBy(() -> dropwizardDuration(text))
          .as(text)
          .isInstanceOf(ConfigurationException.class);
      assertThatThrownBy(() -> parse("interval: " + text + "\n"))
          .as(text)
          .isInstanceOf(ConfigurationException.class)
          .hasMessageContaining("'" + text + "' is not a duration")
          .hasMessageContaining("such as 500ms, 30s, 2m, 1h, 1d or 30 seconds");
      assertThatThrownBy(() -> perProbeInterval(text))
          .as(text)
          .isInstanceOf(ConfigurationException.class)
          .hasMessageContaining("'" + text + "' is not a duration");
    }
  }

  private static io.dropwizard.util.Duration perProbeInterval(String text) throws Exception {
    return parse("probes:\n  - name: a\n    url: http://x/\n    interval: " + text + "\n")
        .getProbes()
        .get(0)
        .getInterval()
        .orElseThrow();
  }

  private static DropwizardDuration dropwizardDuration(String text) throws Exception {
    String yaml = "value: " + text + "\n";
    ConfigurationSourceProvider inline =
        path -> new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8));
    return new DefaultConfigurationFactoryFactory<DropwizardDuration>()
        .create(DropwizardDuration.class, BaseValidator.newValidator(), Jackson.newObjectMapper(), "dw")
        .build(inline, "dropwizard.yml");
  }

  @Test
  void anIntervalBelowTheFloorIsRejected() {
    assertThatThrownBy(() -> parse("probes:\n  - name: a\n    url: http://x/\n    interval: 10ms\n"))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("from 100ms to 1d, got 10ms");
  }

  @Test
  void anUnknownKeyFailsWithItsName() {
    assertThatThrownBy(() -> parse("probes:\n  - name: a\n    url: http://x/\n    retries: 3\n"))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("retries");
  }

  @Test
  void validationNamesTheOffendingKeys() {
    assertThatThrownBy(
            () ->
                parse(
                    """
                    maxConcurrency: 0
                    probes:
                      - name: " padded"
                        url: http://x/
                        expectedStatus: [200, 600]
                      - name: no-url
                    """))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("maxConcurrency must be greater than or equal to 1")
        .hasMessageContaining("probes[1].url must not be null")
        .hasMessageContaining("probes[0].name must be 1 to 100 characters")
        .hasMessageContaining("expectedStatus[1]")
        .hasMessageContaining("must be less than or equal to 599");
  }

  @Test
  void aUrlThatIsNotHttpIsRejectedWithoutRepeatingIt() {
    assertThatThrownBy(() -> parse("probes:\n  - name: a\n    url: ftp://user:hunter22@files.example.com/\n"))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("not an absolute http:// or https:// URL")
        .hasMessageNotContaining("hunter22");
  }

  @Test
  void aTimeoutLongerThanItsIntervalFailsTheBuildNamingTheProbe() throws Exception {
    ProbeCaptureFactory factory =
        parse("probes:\n  - name: Website\n    url: https://example.com/\n    interval: 5s\n");

    assertThatThrownBy(() -> declare(factory))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("probe 'Website' (probes): its timeout 10s is longer than its interval 5s");
  }

  @Test
  void urlsFileProbesTakeTheCapturesIntervalAndTimeout() throws Exception {
    Path urls = Files.writeString(dir.resolve("urls.cfg"), "google=https://google.com\nstatsig=https://statsig.com\n");
    ProbeCaptureFactory factory =
        parse(
            "interval: 1m\ntimeout: 3s\nurlsFile: " + urls
                + "\nprobes:\n  - name: Website\n    url: https://example.com/\n    interval: 30s\n");

    List<Probe> probes = factory.resolveProbes();

    assertThat(probes).extracting(Probe::name).containsExactly("Website", "google", "statsig");
    assertThat(probes.get(1).interval().toJavaDuration()).isEqualTo(Duration.ofMinutes(1));
    assertThat(probes.get(1).timeout().toJavaDuration()).isEqualTo(Duration.ofSeconds(3));
    assertThat(probes.get(1).expectedStatus()).containsExactlyInAnyOrder(200, 202, 301, 302, 307);
    assertThat(factory.build(new TestCaptureContext("shop", new RecordingRecorder())).describe())
        .isEqualTo(
            "3 probes (2 from " + urls + "), every 30s to 1m, at most 4 at a time: Website, google, statsig");
  }

  @Test
  void aNameInBothTheListAndTheUrlsFileIsRejectedNamingBothPlaces() throws Exception {
    Path urls = Files.writeString(dir.resolve("urls.cfg"), "# ours\n\nWebsite=https://example.org/\n");
    ProbeCaptureFactory factory =
        parse("urlsFile: " + urls + "\nprobes:\n  - name: Website\n    url: https://example.com/\n");

    assertThatThrownBy(factory::resolveProbes)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Two probes are named 'Website' (probes and " + urls + " line 3)");
  }

  @Test
  void aMissingUrlsFileIsAClearError() throws Exception {
    ProbeCaptureFactory factory = parse("urlsFile: " + dir.resolve("nope.cfg") + "\n");

    assertThatThrownBy(factory::resolveProbes)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("nope.cfg does not exist");
  }

  @Test
  void eachProbeDeclaresItsRouteOnceAtBuildUnderTheContextsService() throws Exception {
    ProbeCaptureFactory factory =
        parse(
            """
            probes:
              - name: Website
                url: https://example.com/
              - name: Partner
                url: https://ops:pa55word@partner.example.com:8443/v1/ping?key=xyz#top
            """);

    RecordingRecorder recorder = declare(factory);

    assertThat(recorder.declarations()).containsOnlyKeys("probe:Website", "probe:Partner");
    RouteDescriptor partner = recorder.declared().get("probe:Partner");
    assertThat(partner.key().service()).isEqualTo("shop");
    assertThat(partner.name()).isEqualTo("Partner");
    assertThat(partner.group()).isEqualTo("Probes");
    assertThat(partner.doc()).isEqualTo("https://partner.example.com:8443/v1/ping?key=***");
  }

  @Test
  void theDefaultInstanceHasNoProbesAndBuildsACaptureThatSaysSo() {
    ProbeCaptureFactory defaults = new ProbeCaptureFactory();

    assertThat(defaults.build(new TestCaptureContext("shop", new RecordingRecorder())).describe())
        .isEqualTo("no probes: list them under probes or in a urlsFile");
  }
}
