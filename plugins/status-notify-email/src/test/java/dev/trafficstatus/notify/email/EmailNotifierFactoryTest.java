package dev.trafficstatus.notify.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trafficstatus.spi.notify.Notifier;
import dev.trafficstatus.spi.notify.NotifierFactory;
import dev.trafficstatus.spi.notify.SubscriberMailer;
import dev.trafficstatus.testkit.InMemorySubscribers;
import dev.trafficstatus.testkit.MutableClock;
import dev.trafficstatus.testkit.TestNotifierContext;
import io.dropwizard.configuration.ConfigurationException;
import io.dropwizard.configuration.ConfigurationSourceProvider;
import io.dropwizard.configuration.DefaultConfigurationFactoryFactory;
import io.dropwizard.jackson.Jackson;
import io.dropwizard.validation.BaseValidator;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** The email notifier as the server finds, binds, validates and builds it from YAML. */
class EmailNotifierFactoryTest {

  private static final String PASSWORD = "smtp-Secret-Pa55";
  private static final String MINIMAL =
      "host: smtp.example.com\nuser: status@example.com\npassword: " + PASSWORD + "\nfrom: status@example.com\n";

  private static EmailNotifierFactory parse(String yaml) throws Exception {
    String typed = "type: email\n" + yaml;
    ConfigurationSourceProvider inline = path -> new ByteArrayInputStream(typed.getBytes(StandardCharsets.UTF_8));
    return new DefaultConfigurationFactoryFactory<EmailNotifierFactory>()
        .create(EmailNotifierFactory.class, BaseValidator.newValidator(), Jackson.newObjectMapper(), "dw")
        .build(inline, "notifier.yml");
  }

  private static TestNotifierContext context() {
    return new TestNotifierContext(Duration.ofSeconds(10), MutableClock.at("2026-03-01T12:00:00Z"),
        new InMemorySubscribers(), URI.create("https://status.example.com/status"));
  }

  @Test
  void service_loader_finds_it_as_email_and_it_mails_subscribers() {
    NotifierFactory found =
        ServiceLoader.load(NotifierFactory.class).stream().map(ServiceLoader.Provider::get)
            .filter(f -> f.name().equals("email")).findFirst().orElseThrow();

    assertThat(found).isInstanceOf(EmailNotifierFactory.class);
  }

  @Test
  void the_defaults_are_port_587_starttls_and_batches_of_50() throws Exception {
    EmailNotifierFactory factory = parse(MINIMAL);
    Notifier notifier = factory.build(context());

    assertThat(factory.getPort()).isEqualTo(587);
    assertThat(factory.getSecurity()).isEqualTo(SmtpSecurity.STARTTLS);
    assertThat(notifier.receiver()).isEqualTo("email");
    assertThat(notifier).isInstanceOf(SubscriberMailer.class);
    assertThat(notifier.describe())
        .isEqualTo("email → subscribers via smtp.example.com:587 (STARTTLS, user status@example.com)"
            + " from status@example.com, batches of 50");
  }

  @Test
  void the_password_is_never_written_back() throws Exception {
    EmailNotifierFactory factory = parse(MINIMAL);
    ObjectMapper json = Jackson.newObjectMapper();

    assertThat(json.writeValueAsString(factory)).doesNotContain(PASSWORD).doesNotContain("password");
    assertThat(factory.toString()).doesNotContain(PASSWORD);
  }

  @Test
  void an_unset_environment_variable_is_named_without_the_value() {
    assertThatThrownBy(() -> parse("host: smtp.example.com\nuser: u\npassword: ${SMTP_PASSWORD}\nfrom: s@example.com\n"))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("password still holds ${…}: is the environment variable set?");
  }

  @Test
  void what_cannot_work_is_refused_with_the_setting_named() throws Exception {
    assertThatThrownBy(() -> parse("from: s@example.com\n"))
        .isInstanceOf(ConfigurationException.class).hasMessageContaining("host");
    assertThatThrownBy(() -> parse(MINIMAL + "port: 70000\n"))
        .isInstanceOf(ConfigurationException.class).hasMessageContaining("port");
    assertThatThrownBy(() -> parse(MINIMAL + "security: SSL\n"))
        .isInstanceOf(ConfigurationException.class).hasMessageContaining("security");
    assertThatThrownBy(() -> parse("host: h\nuser: u\nfrom: s@example.com\n").build(context()))
        .hasMessage("email: user and password go together");
    assertThatThrownBy(() -> parse(MINIMAL.replace("from: status@example.com", "from: not an address")).build(context()))
        .hasMessageStartingWith("email: from is not a mail address");
    assertThatThrownBy(() -> parse(MINIMAL + "events: [incident.open]\n").build(context()))
        .hasMessage("email: events has unknown types [incident.open]");
    assertThatThrownBy(() -> parse(MINIMAL).build(
            new TestNotifierContext(Duration.ofSeconds(10), MutableClock.at("2026-03-01T12:00:00Z"), new InMemorySubscribers(), null)))
        .hasMessageContaining("page.publicUrl is required");
    assertThatThrownBy(() -> parse(MINIMAL).build(
            new TestNotifierContext(Duration.ofSeconds(10), MutableClock.at("2026-03-01T12:00:00Z"), null,
                URI.create("https://status.example.com/status"))))
        .hasMessage("email: the store keeps no subscribers");
  }
}
