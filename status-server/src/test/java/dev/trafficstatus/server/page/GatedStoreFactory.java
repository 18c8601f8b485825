package dev.trafficstatus.server.page;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.trafficstatus.spi.PluginContext;
import dev.trafficstatus.spi.store.StatusStore;
import dev.trafficstatus.spi.store.StoreFactory;

/** {@code type: gated}: the {@link GatedStore}, handed to an app with {@code withPlugins}. */
public final class GatedStoreFactory implements StoreFactory {

  private boolean hung;

  @Override
  public String name() {
    return "gated";
  }

  @JsonProperty
  public boolean isHung() {
    return hung;
  }

  @JsonProperty
  public void setHung(boolean hung) {
    this.hung = hung;
  }

  @Override
  public StatusStore build(PluginContext context) {
    return new GatedStore(hung);
  }
}
