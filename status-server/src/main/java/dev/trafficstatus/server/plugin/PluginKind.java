package dev.trafficstatus.server.plugin;

import dev.trafficstatus.spi.PluginFactory;
import dev.trafficstatus.spi.capture.CaptureFactory;
import dev.trafficstatus.spi.notify.NotifierFactory;
import dev.trafficstatus.spi.page.RendererFactory;
import dev.trafficstatus.spi.store.StoreFactory;

/** The kinds of plugin and the configuration key that selects each. */
public enum PluginKind {
  /** Records requests: {@code status.captures[].type}. */
  CAPTURE(CaptureFactory.class, "status.captures[].type"),
  /** Keeps the figures: {@code status.store.type}. */
  STORE(StoreFactory.class, "status.store.type"),
  /** Renders the page: {@code status.page.renderer.type}. */
  RENDERER(RendererFactory.class, "status.page.renderer.type"),
  /** Tells people about incidents and maintenances: {@code status.notifications.notifiers[].type}. */
  NOTIFIER(NotifierFactory.class, "status.notifications.notifiers[].type");

  private final Class<? extends PluginFactory> contract;
  private final String configKey;

  PluginKind(Class<? extends PluginFactory> contract, String configKey) {
    this.contract = contract;
    this.configKey = configKey;
  }

  /**
   * The SPI interface factories of this kind implement, and the ServiceLoader service name.
   *
   * @return the interface
   */
  public Class<? extends PluginFactory> contract() {
    return contract;
  }

  /**
   * Where configuration names a plugin of this kind.
   *
   * @return the configuration key
   */
  public String configKey() {
    return configKey;
  }

  /**
   * The kind of a factory.
   *
   * @param factory a factory
   * @return its kind
   * @throws IllegalArgumentException when it implements none of the contracts, or several
   */
  public static PluginKind of(PluginFactory factory) {
    PluginKind found = null;
    for (PluginKind kind : values()) {
      if (kind.contract.isInstance(factory)) {
        if (found != null) {
          throw new IllegalArgumentException(
              factory.getClass().getName() + " implements both " + found.contract.getSimpleName()
                  + " and " + kind.contract.getSimpleName() + "; a factory has one kind");
        }
        found = kind;
      }
    }
    if (found == null) {
      throw new IllegalArgumentException(
          factory.getClass().getName()
              + " is not a CaptureFactory, StoreFactory, RendererFactory or NotifierFactory");
    }
    return found;
  }
}
