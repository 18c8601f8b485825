package dev.trafficstatus.server.ops;

import dev.trafficstatus.server.plugin.PluginCatalog;
import io.dropwizard.core.cli.Command;
import io.dropwizard.core.setup.Bootstrap;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;

/** {@code plugins}: lists the plugins found on the class path, by kind, with their classes. */
public final class PluginsCommand extends Command {

  private final PluginCatalog catalog;

  /**
   * @param name the command's name
   * @param catalog the plugins found
   */
  public PluginsCommand(String name, PluginCatalog catalog) {
    super(name, "Lists the capture, store and renderer plugins found on the class path");
    this.catalog = catalog;
  }

  @Override
  public void configure(Subparser subparser) {}

  @Override
  public void run(Bootstrap<?> bootstrap, Namespace namespace) {
    catalog.describe().forEach(System.out::println);
  }
}
