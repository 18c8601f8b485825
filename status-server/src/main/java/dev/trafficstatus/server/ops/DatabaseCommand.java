package dev.trafficstatus.server.ops;

import dev.trafficstatus.server.config.StatusFactory;
import dev.trafficstatus.server.plugin.HostContext;
import dev.trafficstatus.server.plugin.PluginCatalog;
import dev.trafficstatus.core.aggregate.RouteRegistry;
import dev.trafficstatus.core.classify.Classifier;
import dev.trafficstatus.spi.store.StatusStore;
import io.dropwizard.core.Configuration;
import io.dropwizard.core.cli.ConfiguredCommand;
import io.dropwizard.core.setup.Bootstrap;
import java.time.Clock;
import java.util.List;
import java.util.function.Function;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;

/**
 * {@code db migrate|status <config>}: applies or lists the store's schema changes without starting
 * the server. Named {@code db} on the standalone server and {@code status-db} by default in an app
 * that embeds the bundle, beside the app's own {@code db} of MigrationsBundle.
 *
 * @param <C> the application's configuration class
 */
public final class DatabaseCommand<C extends Configuration> extends ConfiguredCommand<C> {

  private final Class<C> configurationClass;
  private final Function<C, StatusFactory> accessor;
  private final PluginCatalog catalog;

  /**
   * @param name the command's name
   * @param configurationClass the application's configuration class
   * @param accessor reads the {@code status:} block from the configuration
   * @param catalog the plugins available
   */
  public DatabaseCommand(
      String name,
      Class<C> configurationClass,
      Function<C, StatusFactory> accessor,
      PluginCatalog catalog) {
    super(name, "Applies (migrate) or lists (status) the status store's schema changes");
    this.configurationClass = configurationClass;
    this.accessor = accessor;
    this.catalog = catalog;
  }

  @Override
  protected Class<C> getConfigurationClass() {
    return configurationClass;
  }

  @Override
  public void configure(Subparser subparser) {
    subparser
        .addArgument("action")
        .choices("migrate", "status")
        .help("migrate: apply pending changes; status: list them");
    super.configure(subparser);
  }

  @Override
  protected void run(Bootstrap<C> bootstrap, Namespace namespace, C configuration) {
    StatusFactory status = accessor.apply(configuration);
    // The store is built outside the server: no Dropwizard environment, nothing recorded.
    RouteRegistry noCapture = new RouteRegistry(Classifier.defaults(), Clock.systemUTC(), key -> false);
    HostContext context =
        new HostContext("db-command", "db-command", Clock.systemUTC(), noCapture, List.of());
    StatusStore store = catalog.storeOf(status.getStore()).build(context);
    System.out.println("Store: " + store.describe());
    if ("migrate".equals(namespace.getString("action"))) {
      List<String> applied = store.migrate();
      System.out.println(
          applied.isEmpty() ? "The schema is up to date." : "Applied: " + String.join(", ", applied));
    } else {
      List<String> pending = store.pendingMigrations();
      System.out.println(
          pending.isEmpty() ? "The schema is up to date." : "Pending: " + String.join(", ", pending));
    }
  }
}
