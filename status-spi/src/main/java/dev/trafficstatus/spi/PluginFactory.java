package dev.trafficstatus.spi;

/**
 * A named factory: the unit the server discovers, configures and builds.
 *
 * <p>A factory is found by {@link java.util.ServiceLoader} (so it needs a public no-argument
 * constructor, whose instance carries the plugin's defaults) or installed directly. The server
 * binds the plugin's configuration block onto a fresh instance of the factory's class, selecting
 * the class by {@link #name()} (the {@code type:} key of the block), then validates it and calls
 * its {@code build} method once, on the start-up thread.
 */
public interface PluginFactory {

  /**
   * The name users write as {@code type:} in configuration, unique among the factories of one
   * kind, for example {@code jdbi} or {@code jersey}. Lower case letters, digits and dashes.
   *
   * @return the plugin's name, never null
   */
  String name();
}
