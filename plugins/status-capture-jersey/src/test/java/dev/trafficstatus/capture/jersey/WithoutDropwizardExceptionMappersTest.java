package dev.trafficstatus.capture.jersey;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficstatus.testkit.RecordingRecorder;
import dev.trafficstatus.testkit.RecordingRecorder.Observation;
import io.dropwizard.core.Configuration;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Without Dropwizard's exception mappers, an exception no mapper knows leaves Jersey for the
 * servlet container; the capture must still count it, as the 500 the client gets.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class WithoutDropwizardExceptionMappersTest {

  private static final DropwizardAppExtension<Configuration> APP =
      new DropwizardAppExtension<>(
          ShopApplication.class,
          ResourceHelpers.resourceFilePath("shop.yml"),
          ConfigOverride.config("server.registerDefaultExceptionMappers", "false"),
          // Jersey and Jetty each log the escaped exception with its stack; the test wants none.
          ConfigOverride.config("logging.level", "OFF"));

  @Test
  void countsAnExceptionThatEscapesJerseyAsA500UnderItsRoute() throws Exception {
    RecordingRecorder recorder = APP.<ShopApplication>getApplication().recorder();
    ShopClient client = new ShopClient(APP.getLocalPort());

    for (int i = 0; i < 3; i++) {
      assertThat(client.send("GET", "/boom", null)).isEqualTo(500);
    }
    assertThat(client.send("GET", "/items", null)).isEqualTo(200);

    assertThat(recorder.awaitEvents(4, Duration.ofSeconds(10))).isTrue();
    assertThat(recorder.counts())
        .isEqualTo(Map.of(new Observation("/boom", 500), 3L, new Observation("/items", 200), 1L));
    assertThat(recorder.failureCount()).isZero();
    assertThat(recorder.tallies().values())
        .as("the host classifies by status; the capture never judges")
        .allSatisfy(tally -> assertThat(tally.verdicts()).isZero());
  }
}
