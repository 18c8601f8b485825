package dev.trafficstatus.server.testapp;

import dev.trafficstatus.server.StatusBundle;
import dev.trafficstatus.core.status.NoticeHistory;
import dev.trafficstatus.server.StatusConfiguration;
import dev.trafficstatus.server.testing.Eventually;
import dev.trafficstatus.server.wiring.StatusRuntime;
import dev.trafficstatus.spi.store.StatusStore;
import io.dropwizard.core.Application;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.DropwizardTestSupport;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import java.time.Clock;
import java.time.Duration;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A host app with the status bundle and no resources of its own, on a clock the test sets: for
 * tests that write figures straight into the running store and look at the page they make.
 */
public final class StatusOnlyApp extends Application<StatusConfiguration> {

  private final Clock clock;
  private StatusBundle<StatusConfiguration> bundle;

  /**
   * @param clock what "now" is for the bundle: flushing, maintenance and the page
   */
  public StatusOnlyApp(Clock clock) {
    this.clock = clock;
  }

  @Override
  public String getName() {
    return "shop";
  }

  @Override
  public void initialize(Bootstrap<StatusConfiguration> bootstrap) {
    bundle = new StatusBundle<>(StatusConfiguration::getStatus).withClock(clock);
    bootstrap.addBundle(bundle);
  }

  @Override
  public void run(StatusConfiguration configuration, Environment environment) {
    // Nothing of its own: the page shows only what the test writes into the store.
  }

  /**
   * The bundle, whose runtime holds the store to seed.
   *
   * @return the bundle
   */
  public StatusBundle<StatusConfiguration> bundle() {
    return bundle;
  }

  /**
   * The app on {@code status-only.yml} with an in-memory H2 database of its own, for a test class.
   *
   * <p>Its settings are system properties under a prefix of its own, not Dropwizard's shared
   * {@code dw.}: two apps of one class overriding the same key would otherwise leave one value
   * behind when they stop (each restores the value it found), and later tests would read it.
   *
   * @param database the H2 database name, unique per test class
   * @param clock the app's clock
   * @param settings further configuration, such as {@code status.page.title}; may replace the
   *     database URL
   * @return the extension that starts and stops the app around the class
   */
  public static DropwizardAppExtension<StatusConfiguration> extension(
      String database, Clock clock, Map<String, String> settings) {
    return extension("status-only.yml", database, clock, settings);
  }

  /**
   * The app on another configuration file of the test resources, for settings that overrides
   * cannot give (lists of objects, such as {@code page.brand.links}).
   *
   * @param config the file, such as {@code status-branded.yml}
   * @param database the H2 database name, unique per test class
   * @param clock the app's clock
   * @param settings further configuration
   * @return the extension that starts and stops the app around the class
   */
  public static DropwizardAppExtension<StatusConfiguration> extension(
      String config, String database, Clock clock, Map<String, String> settings) {
    String prefix = "status-only-" + database;
    Map<String, String> all = new LinkedHashMap<>();
    all.put("status.store.database.url", "jdbc:h2:mem:" + database + ";DB_CLOSE_DELAY=-1");
    all.putAll(settings);
    ConfigOverride[] overrides = all.entrySet().stream()
        .map(setting -> ConfigOverride.config(prefix, setting.getKey(), setting.getValue()))
        .toArray(ConfigOverride[]::new);
    return new DropwizardAppExtension<>(
        new DropwizardTestSupport<>(
            StatusOnlyApp.class, ResourceHelpers.resourceFilePath(config), prefix, overrides) {
          @Override
          public Application<StatusConfiguration> newApplication() {
            return new StatusOnlyApp(clock);
          }
        });
  }

  /**
   * The app with no settings beyond its database.
   *
   * @param database the H2 database name, unique per test class
   * @param clock the app's clock
   * @return the extension that starts and stops the app around the class
   */
  public static DropwizardAppExtension<StatusConfiguration> extension(String database, Clock clock) {
    return extension(database, clock, Map.of());
  }

  /**
   * Makes the page read what a test wrote straight into the store, as the flush task does after
   * a flush: at once, on the caller's thread. Without it the page shows the figures it read at
   * start until its refresh interval ends. The incident history read the current and the
   * previous month at start, before the test wrote; a request after a change gets what was read
   * before while the history reads again, so this also waits until both months are read anew.
   *
   * @param app the started extension
   */
  public static void showWhatWasWritten(DropwizardAppExtension<StatusConfiguration> app) {
    StatusRuntime runtime = ((StatusOnlyApp) app.getApplication()).bundle().runtime();
    Optional<NoticeHistory> history = runtime.page().map(StatusRuntime.Page::history);
    long before = history.map(NoticeHistory::generation).orElse(0L);
    runtime.forgetCachedPages();
    if (history.isEmpty()) {
      return;
    }
    NoticeHistory months = history.get();
    YearMonth previous = months.currentMonth().minusMonths(1);
    int reads = 1;
    if (!previous.isBefore(months.earliestMonth())) {
      months.month(previous);
      reads = 2;
    }
    long expected = before + reads;
    try {
      Eventually.await("the incident history read again", Duration.ofSeconds(60),
          () -> months.generation() >= expected);
    } catch (Exception timedOut) {
      throw new AssertionError(timedOut);
    }
  }

  /**
   * The running store of a started app, to write figures into.
   *
   * @param app the started extension
   * @return its store
   */
  public static StatusStore store(DropwizardAppExtension<StatusConfiguration> app) {
    try {
      // The store starts in the background; a test writes to it once it has.
      return ((StatusOnlyApp) app.getApplication()).bundle().runtime().startedStore(Duration.ofSeconds(60));
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(interrupted);
    }
  }
}
