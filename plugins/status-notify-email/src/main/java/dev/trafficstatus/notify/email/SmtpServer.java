package dev.trafficstatus.notify.email;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Properties;

/**
 * Where mail goes and how to log in: opens connections with Angus Mail. The password is only ever
 * handed to {@link Transport#connect}; it is in no property, no text this class returns, and no
 * error it throws ({@link #hide}).
 */
final class SmtpServer {

  private final String host;
  private final int port;
  private final SmtpSecurity security;
  private final String user;
  private final String password;
  private final Session session;

  /**
   * @param host the server's host name
   * @param port its port
   * @param security how the connection is protected
   * @param user the login, or null to send without one
   * @param password the password, or null
   * @param trustedHosts hosts whose certificate is trusted unchecked (a relay with a self-signed
   *     certificate); empty to check every certificate
   * @param timeout how long connecting and each command may take
   */
  SmtpServer(
      String host,
      int port,
      SmtpSecurity security,
      String user,
      String password,
      List<String> trustedHosts,
      Duration timeout) {
    this.host = Objects.requireNonNull(host, "host");
    this.port = port;
    this.security = Objects.requireNonNull(security, "security");
    this.user = user;
    this.password = password;
    this.session = Session.getInstance(properties(trustedHosts, timeout));
  }

  private Properties properties(List<String> trustedHosts, Duration timeout) {
    String protocol = protocol();
    String prefix = "mail." + protocol + ".";
    Properties properties = new Properties();
    properties.setProperty("mail.transport.protocol", protocol);
    properties.setProperty(prefix + "host", host);
    properties.setProperty(prefix + "port", Integer.toString(port));
    properties.setProperty(prefix + "auth", Boolean.toString(user != null));
    String millis = Long.toString(timeout.toMillis());
    properties.setProperty(prefix + "connectiontimeout", millis);
    properties.setProperty(prefix + "timeout", millis);
    properties.setProperty(prefix + "writetimeout", millis);
    // A trusted host's certificate is taken as it is (self-signed, issued to another name); every
    // other certificate is checked, its name included.
    properties.setProperty(prefix + "ssl.checkserveridentity", Boolean.toString(trustedHosts.isEmpty()));
    if (!trustedHosts.isEmpty()) {
      properties.setProperty(prefix + "ssl.trust", String.join(" ", trustedHosts));
    }
    switch (security) {
      case STARTTLS -> {
        properties.setProperty(prefix + "starttls.enable", "true");
        properties.setProperty(prefix + "starttls.required", "true");
      }
      case TLS -> properties.setProperty(prefix + "ssl.enable", "true");
      case NONE -> properties.setProperty(prefix + "starttls.enable", "false");
    }
    // Never trace the conversation: with tracing on, Angus would print the AUTH exchange.
    properties.setProperty("mail.debug", "false");
    properties.setProperty("mail.debug.auth", "false");
    return properties;
  }

  private String protocol() {
    return switch (security) {
      case TLS -> "smtps";
      case STARTTLS, NONE -> "smtp";
    };
  }

  /** The session that messages are built in. */
  Session session() {
    return session;
  }

  /**
   * Opens a connection and logs in.
   *
   * @return the connected transport; the caller closes it
   * @throws MessagingException when the server cannot be reached, refuses STARTTLS or the login
   */
  Transport connect() throws MessagingException {
    Transport transport = session.getTransport(protocol());
    transport.connect(host, port, user, password);
    return transport;
  }

  /**
   * An error's text with the password cut out, for results and logs.
   *
   * @param error the error
   * @return its class and message, and the message of its cause, in one line
   */
  String hide(Exception error) {
    StringBuilder text = new StringBuilder(error.getClass().getSimpleName());
    text.append(": ").append(error.getMessage());
    Throwable cause = error.getCause();
    if (cause != null && cause != error) {
      text.append(" (").append(cause.getClass().getSimpleName()).append(": ").append(cause.getMessage()).append(')');
    }
    String shown = text.toString();
    return password == null || password.isEmpty() ? shown : shown.replace(password, "…");
  }

  /**
   * Where mail goes, for descriptions.
   *
   * @return such as {@code smtp.example.com:587 (STARTTLS, user alerts@example.com)}
   */
  String describe() {
    return host + ":" + port + " (" + security + (user == null ? ", no login" : ", user " + user) + ")";
  }
}
