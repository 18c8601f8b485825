package dev.trafficstatus.capture.jersey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.trafficstatus.spi.capture.CaptureFactory;
import dev.trafficstatus.testkit.RecordingRecorder;
import dev.trafficstatus.testkit.TestCaptureContext;
import io.dropwizard.jackson.Jackson;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import org.junit.jupiter.api.Test;

class JerseyCaptureFactoryTest {

  /** Binds as Dropwizard binds configuration: unknown keys fail. */
  private final ObjectMapper yaml =
      Jackson.newObjectMapper(new YAMLFactory())
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  @Test
  void serviceLoaderFindsTheJerseyCaptureByItsName() {
    List<CaptureFactory> found =
        ServiceLoader.load(CaptureFactory.class).stream().map(ServiceLoader.Provider::get).toList();

    assertThat(found)
        .filteredOn(factory -> factory.name().equals("jersey"))
        .singleElement()
        .isInstanceOf(JerseyCaptureFactory.class);
  }

  @Test
  void bindsFromAConfigurationBlockWithNoSettings() throws Exception {
    assertThat(yaml.readValue("type: jersey", JerseyCaptureFactory.class).name()).isEqualTo("jersey");
  }

  @Test
  void rejectsSettingsItDoesNotHave() {
    assertThatThrownBy(() -> yaml.readValue("type: jersey\nexcludedPaths: [/admin]", JerseyCaptureFactory.class))
        .isInstanceOf(UnrecognizedPropertyException.class)
        .hasMessageContaining("excludedPaths");
  }

  @Test
  void refusesAHostWithoutADropwizardEnvironment() {
    TestCaptureContext outsideDropwizard =
        new TestCaptureContext("shop", new RecordingRecorder(Set.of()), null);

    assertThatThrownBy(() -> new JerseyCaptureFactory().build(outsideDropwizard))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("'jersey' capture")
        .hasMessageContaining("io.dropwizard.core.setup.Environment");
  }
}
