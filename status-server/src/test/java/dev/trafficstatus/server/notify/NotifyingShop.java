package dev.trafficstatus.server.notify;

import dev.trafficstatus.server.testapp.ShopApp;
import dev.trafficstatus.server.testapp.ShopConfiguration;
import dev.trafficstatus.server.wiring.StatusRuntime;
import io.dropwizard.core.Application;
import io.dropwizard.testing.DropwizardTestSupport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The shop test app ({@link ShopApp}) as the notification tests run it: a real Dropwizard server on free ports,
 * the JDBI store on a real H2 database (a fresh in-memory one unless the test names its own), automatic incidents
 * off so only the test opens notices, the outbox sent every 100 ms, and the notifiers and settings the test
 * declares through the {@link Builder}. {@link Builder#start()} writes that configuration as a YAML file in the
 * test's directory, starts the app on the test's clock and waits for its store; {@link #close()} stops the app.
 */
final class NotifyingShop implements AutoCloseable {

  /** The store starts in the background; its first migration takes a while on a busy machine. */
  private static final Duration STORE_START = Duration.ofSeconds(60);

  private final DropwizardTestSupport<ShopConfiguration> app;
  private boolean stopped;

  private NotifyingShop(DropwizardTestSupport<ShopConfiguration> app) {
    this.app = app;
  }

  /**
   * A shop to configure.
   *
   * @param dir the test's directory, where the configuration file is written
   * @param clock the clock of the app and its pipeline
   * @return a builder with the settings every notification test shares
   */
  static Builder on(Path dir, Clock clock) {
    return new Builder(dir, clock);
  }

  /** The port of the application connector. */
  int port() {
    return app.getLocalPort();
  }

  /** The URL of a path of the app, such as {@code /status}. */
  String url(String path) {
    return "http://localhost:" + port() + path;
  }

  /** The status bundle's runtime in the app. */
  StatusRuntime runtime() {
    return app.<ShopApp>getApplication().bundle().runtime();
  }

  /** Stops the app, once; a test that reads the log stops it first so the log is complete. */
  @Override
  public void close() {
    if (!stopped) {
      stopped = true;
      app.after();
    }
  }

  /** The configuration of one shop: what a test sets here is all that differs between the tests. */
  static final class Builder {

    private final Path dir;
    private final Clock clock;
    private String database = "jdbc:h2:mem:shop-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    private Path logFile;
    private final List<String> page = new ArrayList<>(List.of("title: The Shop"));
    private final List<String> status = new ArrayList<>();
    private final List<String> notifications = new ArrayList<>(List.of("interval: 100ms"));
    private final List<String> notifiers = new ArrayList<>();

    private Builder(Path dir, Clock clock) {
      this.dir = dir;
      this.clock = clock;
    }

    /** The H2 database, for a test that reads it too or starts two instances on it. */
    Builder database(String jdbcUrl) {
      database = jdbcUrl;
      return this;
    }

    /** Logs at INFO to this file, for a test that reads the log; otherwise WARN to the console. */
    Builder logTo(Path file) {
      logFile = file;
      return this;
    }

    /** The page's public URL, which the notifications link to. */
    Builder publicUrl(String url) {
      page.add("publicUrl: " + url);
      return this;
    }

    /** The page's languages. */
    Builder locales(String... tags) {
      page.add("locales: [" + String.join(", ", tags) + "]");
      return this;
    }

    /** The configure API on, with this secret, for a test that opens incidents through it. */
    Builder api(String secret) {
      status.add("api:\n  enabled: true\n  secret: " + secret);
      return this;
    }

    /** Settings of {@code status.classification}, as YAML lines. */
    Builder classification(String yaml) {
      status.add("classification:\n" + yaml.indent(2).stripTrailing());
      return this;
    }

    /** Settings of {@code status.notifications} besides the interval, as YAML lines such as {@code timeout: 2s}. */
    Builder notifications(String yaml) {
      notifications.add(yaml.stripTrailing());
      return this;
    }

    /** The subscribe form's limits ({@code status.notifications.subscribers}), as YAML lines. */
    Builder subscriberLimits(String yaml) {
      notifications.add("subscribers:\n" + yaml.indent(2).stripTrailing());
      return this;
    }

    /** A signed webhook. */
    Builder webhook(String name, String url, String secret) {
      notifiers.add("- type: webhook\n  name: " + name + "\n  url: " + url + "\n  secret: " + secret);
      return this;
    }

    /** A Slack incoming webhook. */
    Builder slack(String url) {
      notifiers.add("- type: slack\n  url: " + url);
      return this;
    }

    /** Mail to subscribers through plain SMTP on 127.0.0.1, without a login. */
    Builder email(int smtpPort) {
      notifiers.add(emailNotifier(smtpPort));
      return this;
    }

    /** Mail to subscribers through plain SMTP on 127.0.0.1, with a login. */
    Builder email(int smtpPort, String user, String password) {
      notifiers.add(emailNotifier(smtpPort) + "\n  user: " + user + "\n  password: " + password);
      return this;
    }

    private static String emailNotifier(int smtpPort) {
      return "- type: email\n  host: 127.0.0.1\n  port: " + smtpPort + "\n  security: NONE\n"
          + "  from: \"The Shop status <status@example.com>\"";
    }

    /**
     * Writes the configuration, starts the app and waits for its store.
     *
     * @return the started shop, to close after the test
     * @throws Exception if the app or its store does not start (the app is stopped again)
     */
    NotifyingShop start() throws Exception {
      Path config = Files.createTempFile(dir, "shop-", ".yml");
      Files.writeString(config, yaml());
      DropwizardTestSupport<ShopConfiguration> app =
          new DropwizardTestSupport<>(ShopApp.class, config.toString()) {
            @Override
            public Application<ShopConfiguration> newApplication() {
              return new ShopApp(clock);
            }
          };
      NotifyingShop shop = new NotifyingShop(app);
      try {
        app.before();
        shop.runtime().startedStore(STORE_START);
      } catch (Exception | Error failed) {
        shop.close();
        throw failed;
      }
      return shop;
    }

    private String yaml() {
      String logging = logFile == null
          ? "level: WARN"
          : "level: INFO\nappenders:\n  - type: file\n    currentLogFilename: " + logFile + "\n    archive: false";
      return """
          server:
            applicationConnectors:
              - type: http
                port: 0
            adminConnectors:
              - type: http
                port: 0
            requestLog:
              appenders: []
          logging:
          %s
          status:
            store:
              type: jdbi
              database:
                url: %s
                user: sa
                password: ""
            page:
          %s
          %s
            incidents:
              auto:
                enabled: false
            notifications:
          %s
              notifiers:
          %s
          """.formatted(lines(List.of(logging), 2), database, lines(page, 4), lines(status, 2),
          lines(notifications, 4), lines(notifiers, 6));
    }

    /** YAML blocks, each indented to sit under its key; nothing for none. */
    private static String lines(List<String> blocks, int indent) {
      StringBuilder text = new StringBuilder();
      blocks.forEach(block -> text.append(block.indent(indent)));
      return text.toString().stripTrailing();
    }
  }
}
