package dev.trafficstatus.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import dev.trafficstatus.server.StatusConfiguration;
import dev.trafficstatus.server.testing.ConfigParsing;
import dev.trafficstatus.store.jdbi.JdbiStoreFactory;
import io.dropwizard.configuration.ConfigurationParsingException;
import io.dropwizard.jackson.Jackson;
import io.dropwizard.util.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The {@code status:} block is bound by the bundle's own mapper: the keys README documents work
 * whatever the host app did to its mapper, and Dropwizard's errors and overrides still reach into
 * the block.
 */
class StatusBlockBindingTest {

  private static final String BLOCK =
      """
      status:
        service: shop
        storeConnect:
          startWait: 2s
        store:
          type: jdbi
          database:
            url: jdbc:h2:mem:binding
        page:
          prefix: /health/status
      """;

  @Test
  void theDocumentedKeysBindWhateverNamingTheHostsMapperUses() throws Exception {
    ObjectMapper snakeCase = Jackson.newObjectMapper();
    snakeCase.setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);

    StatusFactory status = ConfigParsing.parse(BLOCK, snakeCase).getStatus();

    assertThat(status.getStoreConnect().getStartWait()).isEqualTo(Duration.seconds(2));
    assertThat(status.getPage().getPrefix()).isEqualTo("/health/status");
    assertThat(((JdbiStoreFactory) status.getStore()).getDatabase().getUrl()).isEqualTo("jdbc:h2:mem:binding");
  }

  @Test
  void unknownKeysFailWhenTheHostsMapperWouldLetThemPass() throws Exception {
    ObjectMapper lenient = Jackson.newObjectMapper();
    lenient.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    // Dropwizard's configuration factory makes unknown keys fail, on any mapper it is given.
    assertThatThrownBy(() -> ConfigParsing.parse(BLOCK + "  colour: blue\n", lenient))
        .isInstanceOf(ConfigurationParsingException.class);
  }

  @Test
  void anUnknownKeyInsideTheBlockIsNamedByItsWholePathWithSuggestions() {
    assertThatThrownBy(() -> ConfigParsing.parse(BLOCK.replace("prefix:", "prefx:")))
        .isInstanceOf(ConfigurationParsingException.class)
        .hasMessageContaining("Unrecognized field at: status.page.prefx")
        .hasMessageContaining("prefix");
  }

  @Test
  void aWrongValueInsideAPluginIsNamedByItsWholePath() {
    assertThatThrownBy(() -> ConfigParsing.parse(BLOCK.replace("startWait: 2s", "startWait: soon")))
        .isInstanceOf(ConfigurationParsingException.class)
        .hasMessageContaining("status.storeConnect.startWait");
  }

  @Test
  void aListLeftOutOfTheFileIsOverriddenByAPropertyAtItsCommas() throws Exception {
    String key = ConfigParsing.PROPERTY_PREFIX + ".status.page.locales";
    System.setProperty(key, "en,es");
    try {
      assertThat(ConfigParsing.parse(BLOCK).getStatus().getPage().getLocales()).isEqualTo(List.of("en", "es"));
    } finally {
      System.clearProperty(key);
    }
  }

  @Test
  void withoutAFileTheBlockIsItsDefaults() throws Exception {
    StatusConfiguration defaults = ConfigParsing.defaults();

    assertThat(defaults.getStatus().getPage().getPrefix()).isEqualTo(new StatusFactory().getPage().getPrefix());
    assertThat(defaults.getStatus().getStoreConnect().getStartWait())
        .isEqualTo(new StoreConnectFactory().getStartWait());
  }
}
