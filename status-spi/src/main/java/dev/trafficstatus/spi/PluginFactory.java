package dev.trafficstatus.spi;

import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * A named factory: the unit the server discovers, configures and builds.
 *
 * <p>A factory is found by {@link java.util.ServiceLoader} (so it needs a public no-argument
 * constructor, whose instance carries the plugin's defaults) or installed directly. The server
 * binds the plugin's configuration block onto a fresh instance of the factory's class, selecting
 * the class by {@link #name()}, which is the block's {@code type:} key (the type information below
 * says so to Jackson), then validates it and calls its {@code build} method once, on the start-up
 * thread. Settings are bean properties ({@code @JsonProperty}) with {@code jakarta.validation}
 * constraints; a block may leave {@code type:} out where only one plugin of its kind is installed.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
public interface PluginFactory {

  /**
   * The name users write as {@code type:} in configuration, unique among the factories of one
   * kind, for example {@code jdbi} or {@code jersey}. Lower case letters, digits and dashes.
   *
   * @return the plugin's name, never null
   */
  String name();
}
