package dev.trafficstatus.notify.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trafficstatus.spi.notify.Notifier;
import dev.trafficstatus.spi.notify.NotifierFactory;
import dev.trafficstatus.testkit.MutableClock;
import dev.trafficstatus.testkit.TestNotifierContext;
import io.dropwizard.configuration.ConfigurationException;
import io.dropwizard.configuration.ConfigurationSourceProvider;
import io.dropwizard.configuration.DefaultConfigurationFactoryFactory;
import io.dropwizard.jackson.Jackson;
import io.dropwizard.validation.BaseValidator;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** The three notifiers as the server finds, binds, validates and builds them from YAML. */
class NotifierFactoriesTest {

  private static final String SECRET = "whsec-0123456789abcdef";
  private static final String SLACK_URL = "https://hooks.slack.com/services/T0001/B0002/xoxbSECRETTOKEN42";

  /** Binds and validates as Dropwizard does at start-up: unknown keys fail. */
  private static <T extends NotifierFactory> T parse(Class<T> type, String yaml) throws Exception {
    // The block as the server hands it over: its type names the plugin.
    String typed = "type: " + type.getDeclaredConstructor().newInstance().name() + "\n" + yaml;
    ConfigurationSourceProvider inline =
        path -> new ByteArrayInputStream(typed.getBytes(StandardCharsets.UTF_8));
    return new DefaultConfigurationFactoryFactory<T>()
        .create(type, BaseValidator.newValidator(), Jackson.newObjectMapper(), "dw")
        .build(inline, "notifier.yml");
  }

  private static Notifier build(NotifierFactory factory) {
    return factory.build(new TestNotifierContext(Duration.ofSeconds(10), MutableClock.at("2026-03-01T12:00:00Z")));
  }

  @Test
  void serviceLoaderFindsTheThreeNotifiersByTheirNames() {
    List<String> names =
        ServiceLoader.load(NotifierFactory.class).stream().map(p -> p.get().name()).toList();

    assertThat(names).containsExactlyInAnyOrder("webhook", "slack", "discord");
  }

  @Test
  void aSlackWebhookNeedsOnlyItsUrl() throws Exception {
    Notifier slack = build(parse(SlackNotifierFactory.class, "url: " + SLACK_URL + "\n"));

    assertThat(slack.receiver()).isEqualTo("slack");
    assertThat(slack.describe()).isEqualTo("slack → https://hooks.slack.com/… (events: all; routes: all)");
  }

  @Test
  void everySettingOfAWebhookBinds() throws Exception {
    Notifier webhook =
        build(
            parse(
                WebhookNotifierFactory.class,
                "name: ops\nurl: https://ops.example.com/hooks/status?token=abc\nsecret: " + SECRET + "\n"
                    + "events: [incident.opened, incident.resolved]\nroutes: [/checkout]\n"));

    assertThat(webhook.receiver()).isEqualTo("webhook:ops");
    assertThat(webhook.describe())
        .isEqualTo("webhook:ops → https://ops.example.com/… (events: incident.opened, incident.resolved; routes: /checkout)");
  }

  @Test
  void urlsThatWouldLeakAreRefusedWithoutRepeatingThem() {
    assertThatThrownBy(() -> parse(SlackNotifierFactory.class, "url: http://hooks.example.com/T0001/SECRET\n"))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("url must be https; plain http is allowed only to this machine")
        .hasMessageNotContaining("SECRET");
    assertThatThrownBy(() -> parse(SlackNotifierFactory.class, "url: https://user:SECRET@hooks.example.com/x\n"))
        .hasMessageContaining("url must not carry a user name or password")
        .hasMessageNotContaining("SECRET");
    assertThatThrownBy(() -> parse(SlackNotifierFactory.class, "url: ftp://hooks.example.com/SECRET\n"))
        .hasMessageContaining("url must be an https URL, not ftp")
        .hasMessageNotContaining("SECRET");
    assertThatThrownBy(() -> parse(SlackNotifierFactory.class, "url: /relative/SECRET\n"))
        .hasMessageContaining("url must be an absolute https URL with a host")
        .hasMessageNotContaining("SECRET");
    assertThatThrownBy(() -> parse(SlackNotifierFactory.class, "url: ${SLACK_WEBHOOK_URL}\n"))
        .hasMessageContaining("url still holds ${…}: is the environment variable set?");
  }

  @Test
  void plainHttpIsAllowedToThisMachineOnly() throws Exception {
    for (String url : List.of("http://localhost:9000/h", "http://127.0.0.1/h", "http://[::1]:8080/h", "HTTPS://HOOKS.EXAMPLE.COM/h")) {
      assertThat(build(parse(DiscordNotifierFactory.class, "url: \"" + url + "\"\n")).receiver()).isEqualTo("discord");
    }
  }

  @Test
  void aWebhookNeedsASecretOfSixteenCharactersThatIsNeverRepeated() {
    assertThatThrownBy(() -> parse(WebhookNotifierFactory.class, "url: https://ops.example.com/h\n"))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("secret");
    assertThatThrownBy(() -> parse(WebhookNotifierFactory.class, "url: https://ops.example.com/h\nsecret: short-SECRET\n"))
        .hasMessageContaining("secret must be at least 16 characters")
        .hasMessageNotContaining("short-SECRET");
  }

  @Test
  void unknownEventTypesAndBadNamesAreRefusedNamingWhatIsKnown() {
    assertThatThrownBy(() -> parse(SlackNotifierFactory.class, "url: " + SLACK_URL + "\nevents: [incident.open]\n"))
        .hasMessageContaining("events has unknown types [incident.open]; known: incident.opened, incident.updated,")
        .hasMessageNotContaining("xoxb");
    assertThatThrownBy(() -> parse(SlackNotifierFactory.class, "url: " + SLACK_URL + "\nname: Ops Channel\n"))
        .hasMessageContaining("name must be 1 to 40 lower-case letters, digits, dots, dashes or underscores")
        .hasMessageNotContaining("xoxb");
  }

  @Test
  void neitherAFactoryNorItsNotifierShowsTheSecretOrTheUrl() throws Exception {
    WebhookNotifierFactory factory =
        parse(WebhookNotifierFactory.class, "name: ops\nurl: " + SLACK_URL + "\nsecret: " + SECRET + "\n");
    Notifier webhook = build(factory);

    assertThat(List.of(factory.toString(), webhook.toString(), webhook.describe(), webhook.receiver(),
            Jackson.newObjectMapper().writeValueAsString(factory)))
        .allSatisfy(shown -> assertThat(shown).doesNotContain(SECRET).doesNotContain("xoxb").doesNotContain("T0001"));
  }
}
