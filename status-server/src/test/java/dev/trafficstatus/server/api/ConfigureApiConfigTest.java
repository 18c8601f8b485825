package dev.trafficstatus.server.api;

import static dev.trafficstatus.server.api.ShopWithApi.API;
import static dev.trafficstatus.server.api.ShopWithApi.SECRET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trafficstatus.server.StatusConfiguration;
import dev.trafficstatus.server.testing.ConfigParsing;
import dev.trafficstatus.server.config.ApiFactory;
import dev.trafficstatus.server.testapp.ShopConfiguration;
import io.dropwizard.configuration.ConfigurationException;
import io.dropwizard.jackson.Jackson;
import io.dropwizard.testing.DropwizardTestSupport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The status.api block: off by default, a clear refusal of weak secrets, a secret never written. */
class ConfigureApiConfigTest {

  private static StatusConfiguration parse(String yaml) throws Exception {
    return ConfigParsing.parse(yaml);
  }

  private static String api(String block) {
    return "status:\n  api:\n" + block.indent(4);
  }

  @Test
  void theApiIsOffByDefaultAtTheSeedsPath() throws Exception {
    ApiFactory api = parse("status: {}\n").getStatus().getApi();

    assertThat(api.isEnabled()).isFalse();
    assertThat(api.getPath()).isEqualTo("/flask-status/configure");
    assertThat(api.getSecret()).isNull();
  }

  @Test
  void theShippedConfigHasTheApiOffAndTakesItsSecretFromTheEnvironment() throws Exception {
    Path shipped = Path.of("..", "config.yml").toAbsolutePath().normalize();
    StatusConfiguration config = ConfigParsing.parseFile(shipped);

    assertThat(config.getStatus().getApi().isEnabled()).isFalse();
    assertThat(config.getStatus().getApi().getPath()).isEqualTo("/flask-status/configure");
    assertThat(Files.readString(shipped))
        .contains("enabled: ${STATUS_API_ENABLED:-false}")
        .contains("secret: \"${STATUS_API_SECRET:-}\"");
  }

  @Test
  void anEnabledApiWithAShortOrMissingSecretFailsStartUpWithoutRepeatingIt() {
    for (String secret : List.of("secret: short-secret-15", "secret: \"\"", "", "secret: \"0123456789 abcdef\"",
        "secret: \"0123456789abcdéf\"")) {
      assertThatThrownBy(() -> parse(api("enabled: true\n" + secret)))
          .as(secret)
          .isInstanceOf(ConfigurationException.class)
          .hasMessageContaining("status.api.secret must be at least 16 printable ASCII characters without spaces")
          .hasMessageContaining("STATUS_API_SECRET")
          .message()
          .doesNotContain("short-secret-15", "0123456789");
    }
  }

  @Test
  void aLongEnoughSecretOrADisabledApiStarts() throws Exception {
    assertThat(parse(api("enabled: true\nsecret: " + SECRET)).getStatus().getApi().getSecret()).isEqualTo(SECRET);
    assertThat(parse(api("enabled: false\nsecret: short")).getStatus().getApi().isEnabled()).isFalse();
  }

  @Test
  void theApiPathMustBeAPathOutsideThePage() {
    assertThatThrownBy(() -> parse(api("enabled: true\nsecret: " + SECRET + "\npath: /status")))
        .hasMessageContaining("status.api.path and status.page.prefix must not be equal or lie one inside the other");
    assertThatThrownBy(() -> parse(api("enabled: true\nsecret: " + SECRET + "\npath: /status/configure")))
        .hasMessageContaining("must not be equal or lie one inside the other");
    assertThatThrownBy(() -> parse(api("path: configure/")))
        .hasMessageContaining("status.api.path must be an absolute path");
  }

  @Test
  void theSecretIsNeverWrittenOut() throws Exception {
    StatusConfiguration config = parse(api("enabled: true\nsecret: " + SECRET));

    assertThat(config.getStatus().getApi().toString()).doesNotContain(SECRET).contains("(redacted)");
    assertThat(Jackson.newObjectMapper().writeValueAsString(config.getStatus().getApi()))
        .doesNotContain(SECRET)
        .doesNotContain("secret");
    assertThat(new ApiSecretAuthenticator(SECRET).toString()).doesNotContain(SECRET);
  }

  @Test
  void startUpOfAnAppFailsWhenItsSecretIsTooShort() {
    DropwizardTestSupport<ShopConfiguration> app =
        ShopWithApi.support(
            ShopWithApi.memoryDatabase(), Clock.systemUTC(), Map.of("status.api.secret", "tooShort"));
    try {
      assertThatThrownBy(app::before)
          .hasMessageContaining("status.api.secret must be at least 16 printable ASCII characters")
          .message()
          .doesNotContain("tooShort");
    } finally {
      app.after();
    }
  }

  @Test
  void aDisabledApiAnswers404ToEveryMethodEvenWithTheRightToken() throws Exception {
    DropwizardTestSupport<ShopConfiguration> app =
        ShopWithApi.support(
            ShopWithApi.memoryDatabase(), Clock.systemUTC(), Map.of("status.api.enabled", "false"));
    app.before();
    try {
      ApiClient client = ShopWithApi.client(app);
      for (String method : List.of("GET", "PUT", "DELETE")) {
        assertThat(client.authorized(method, API, "GET".equals(method) ? null : "{\"rule\": \"/hello\"}", SECRET)
            .status()).as(method).isEqualTo(404);
      }
      assertThat(client.authorized("POST", API + "/restore", "{\"rule\": \"/hello\"}", SECRET).status())
          .isEqualTo(404);
      assertThat(client.get("/hello").status()).as("the app itself serves on").isEqualTo(200);
    } finally {
      app.after();
    }
  }
}
