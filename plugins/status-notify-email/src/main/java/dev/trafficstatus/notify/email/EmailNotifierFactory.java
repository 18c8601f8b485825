package dev.trafficstatus.notify.email;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import dev.trafficstatus.spi.notify.Notifier;
import dev.trafficstatus.spi.notify.NotifierContext;
import dev.trafficstatus.spi.notify.NotifierFactory;
import dev.trafficstatus.spi.notify.SubscriberLinks;
import dev.trafficstatus.spi.store.EventType;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Mails subscribers over SMTP ({@code type: email}): the confirmation mail of the page's subscribe
 * form, then each incident and maintenance event to the confirmed subscribers who want it.
 *
 * <pre>{@code
 * notifications:
 *   notifiers:
 *     - type: email
 *       host: smtp.example.com
 *       port: 587                        # default; 465 with security: TLS
 *       security: STARTTLS               # default: refuses a server without STARTTLS; TLS; NONE
 *       user: status@example.com
 *       password: ${SMTP_PASSWORD}       # from the environment; never shown or logged
 *       from: "Shop status <status@example.com>"
 *       batchSize: 50                    # subscribers per batch, over one connection
 * }</pre>
 */
@JsonTypeName(EmailNotifierFactory.NAME)
public final class EmailNotifierFactory implements NotifierFactory {

  /** The {@code type:} of this notifier in configuration. */
  public static final String NAME = "email";

  /** The events mailed unless {@code events} says otherwise: every incident and maintenance event. */
  static final Set<EventType> NOTICE_EVENTS =
      EnumSet.of(
          EventType.INCIDENT_OPENED,
          EventType.INCIDENT_UPDATED,
          EventType.INCIDENT_RESOLVED,
          EventType.MAINTENANCE_SCHEDULED,
          EventType.MAINTENANCE_STARTED,
          EventType.MAINTENANCE_UPDATED,
          EventType.MAINTENANCE_COMPLETED);

  @Pattern(
      regexp = "[a-z0-9][a-z0-9._-]{0,39}",
      message = "must be 1 to 40 lower-case letters, digits, dots, dashes or underscores")
  private String name;

  @NotBlank private String host;

  @Min(1)
  @Max(65535)
  private int port = 587;

  @NotNull private SmtpSecurity security = SmtpSecurity.STARTTLS;

  private String user;

  private String password;

  @NotBlank private String from;

  @Min(1)
  @Max(1000)
  private int batchSize = 50;

  private List<String> events;

  private List<String> trustedHosts = List.of();

  /** Creates the factory with the defaults. */
  public EmailNotifierFactory() {}

  @Override
  public String name() {
    return NAME;
  }

  /** @return the name that tells this receiver from other mailers, or null */
  @JsonProperty
  public String getName() {
    return name;
  }

  @JsonProperty
  public void setName(String name) {
    this.name = name;
  }

  /** @return the mail server's host */
  @JsonProperty
  public String getHost() {
    return host;
  }

  @JsonProperty
  public void setHost(String host) {
    this.host = host;
  }

  /** @return the mail server's port, 587 by default */
  @JsonProperty
  public int getPort() {
    return port;
  }

  @JsonProperty
  public void setPort(int port) {
    this.port = port;
  }

  /** @return how the connection is protected, STARTTLS (required) by default */
  @JsonProperty
  public SmtpSecurity getSecurity() {
    return security;
  }

  @JsonProperty
  public void setSecurity(SmtpSecurity security) {
    this.security = security;
  }

  /** @return the login, or null to send without one */
  @JsonProperty
  public String getUser() {
    return user;
  }

  @JsonProperty
  public void setUser(String user) {
    this.user = user;
  }

  /**
   * Sets the password; never serialized, shown or logged.
   *
   * @param password the password, normally {@code ${SMTP_PASSWORD}}
   * @throws IllegalArgumentException when it still holds {@code ${…}}; the message does not repeat it
   */
  @JsonProperty(value = "password", access = JsonProperty.Access.WRITE_ONLY)
  public void setPassword(String password) {
    if (password != null && password.contains("${")) {
      throw new IllegalArgumentException("password still holds ${…}: is the environment variable set?");
    }
    this.password = password;
  }

  /** @return the sender, such as {@code "Shop status <status@example.com>"} */
  @JsonProperty
  public String getFrom() {
    return from;
  }

  @JsonProperty
  public void setFrom(String from) {
    this.from = from;
  }

  /** @return subscribers read and mailed per batch, 50 by default */
  @JsonProperty
  public int getBatchSize() {
    return batchSize;
  }

  @JsonProperty
  public void setBatchSize(int batchSize) {
    this.batchSize = batchSize;
  }

  /** @return the event types mailed, as configuration spells them; null for every notice event */
  @JsonProperty
  public List<String> getEvents() {
    return events;
  }

  @JsonProperty
  public void setEvents(List<String> events) {
    this.events = events;
  }

  /** @return hosts whose certificate is trusted unchecked (a self-signed relay); none by default */
  @JsonProperty
  public List<String> getTrustedHosts() {
    return trustedHosts;
  }

  @JsonProperty
  public void setTrustedHosts(List<String> trustedHosts) {
    this.trustedHosts = trustedHosts == null ? List.of() : List.copyOf(trustedHosts);
  }

  /**
   * The receiver's name: {@code email:<name>}, or {@code email}.
   *
   * @return the name
   */
  public String receiver() {
    return name == null ? NAME : NAME + ":" + name;
  }

  @Override
  public Notifier build(NotifierContext context) {
    Objects.requireNonNull(context, "context");
    if (host == null || host.isBlank()) {
      throw new IllegalArgumentException(receiver() + ": host is required");
    }
    if ((user == null) != (password == null)) {
      throw new IllegalArgumentException(receiver() + ": user and password go together");
    }
    InternetAddress sender;
    try {
      sender = new InternetAddress(Objects.requireNonNullElse(from, ""), true);
    } catch (AddressException bad) {
      throw new IllegalArgumentException(receiver() + ": from is not a mail address: " + bad.getMessage(), bad);
    }
    return new EmailNotifier(
        receiver(),
        new SmtpServer(host, port, security, user, password, trustedHosts, context.timeout()),
        sender,
        eventTypes(),
        batchSize,
        context.subscribers()
            .orElseThrow(() -> new IllegalArgumentException(receiver() + ": the store keeps no subscribers")),
        new SubscriberLinks(
            context.publicUrl()
                .orElseThrow(
                    () -> new IllegalArgumentException(
                        receiver() + ": page.publicUrl is required: every mail links to the page and to unsubscribe"))),
        context.timeout(),
        context.clock());
  }

  private Set<EventType> eventTypes() {
    if (events == null || events.isEmpty()) {
      return NOTICE_EVENTS;
    }
    Set<EventType> types = EnumSet.noneOf(EventType.class);
    List<String> unknown = new ArrayList<>();
    for (String wire : events) {
      java.util.Arrays.stream(EventType.values())
          .filter(type -> type.wireName().equals(wire))
          .findFirst()
          .ifPresentOrElse(types::add, () -> unknown.add(wire));
    }
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException(receiver() + ": events has unknown types " + unknown);
    }
    return types;
  }

  @Override
  public String toString() {
    return "EmailNotifierFactory[" + receiver() + "]";
  }
}
