package dev.trafficstatus.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trafficstatus.server.testing.ConfigParsing;
import io.dropwizard.configuration.ConfigurationException;
import io.dropwizard.core.server.DefaultServerFactory;
import io.dropwizard.jetty.HttpConnectorFactory;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The config.yml users read first loads as shipped, and mistakes in it fail with clear messages. */
class ShippedConfigTest {

  private static StatusConfiguration parse(String yaml) throws Exception {
    return ConfigParsing.parse(yaml);
  }

  @Test
  void theShippedConfigLoadsWithItsDefaults() throws Exception {
    Path shipped = Path.of("..", "config.yml").toAbsolutePath().normalize();
    StatusConfiguration config = ConfigParsing.parseFile(shipped);

    assertThat(config.getStatus().getStore().name()).isEqualTo("jdbi");
    assertThat(config.getStatus().getCaptures()).extracting(c -> c.name()).contains("jersey", "probe");
    assertThat(config.getStatus().getPage().getPrefix()).isEqualTo("/status");
    assertThat(config.getStatus().getPage().getRenderer().name()).isEqualTo("mustache");
  }

  @Test
  void theUnauthenticatedAdminPortListensOnLoopbackOnly() throws Exception {
    StatusConfiguration config =
        ConfigParsing.parseFile(Path.of("..", "config.yml").toAbsolutePath().normalize());

    DefaultServerFactory server = (DefaultServerFactory) config.getServerFactory();
    assertThat(server.getAdminConnectors())
        .singleElement()
        .satisfies(admin -> assertThat(((HttpConnectorFactory) admin).getBindHost()).isEqualTo("127.0.0.1"));
  }

  @Test
  void anUnknownPluginNameListsTheKnownOnes() {
    assertThatThrownBy(() -> parse("status:\n  store:\n    type: jdbc\n"))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("jdbc")
        .hasMessageContaining("jdbi");
  }

  @Test
  void aPluginBlockWithoutTypeTakesTheOnlyPluginOfItsKind() throws Exception {
    StatusConfiguration config =
        parse("status:\n  store:\n    migrateOnStart: false\n  page:\n    renderer:\n      windows: [7]\n");

    assertThat(config.getStatus().getStore().name()).isEqualTo("jdbi");
    assertThat(config.getStatus().getPage().getRenderer().name()).isEqualTo("mustache");
  }

  @Test
  void aCaptureWithoutTypeSaysWhichTypesThereAre() {
    assertThatThrownBy(() -> parse("status:\n  captures:\n    - interval: 30s\n"))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("status.captures[].type is missing")
        .hasMessageContaining("jersey");
  }

  @Test
  void anUnknownKeyFailsStartUp() {
    assertThatThrownBy(() -> parse("status:\n  pgae:\n    prefix: /x\n"))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("pgae");
  }

  @Test
  void aMalformedStatusCodeSaysWhatIsAccepted() {
    assertThatThrownBy(() -> parse("status:\n  classification:\n    failure: [\"6xx\"]\n"))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("6xx")
        .hasMessageContaining("404, 5xx or 500-504");
  }

  @Test
  void validationNamesTheOffendingKey() {
    assertThatThrownBy(() -> parse("status:\n  page:\n    prefix: status/\n    days: 500\n"))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("status.page.prefix")
        .hasMessageContaining("status.page.days");
  }

  @Test
  void anUnknownTimeZoneFailsStartUp() {
    assertThatThrownBy(() -> parse("status:\n  page:\n    timeZone: Mars/Olympus\n"))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("Mars/Olympus");
  }
}
