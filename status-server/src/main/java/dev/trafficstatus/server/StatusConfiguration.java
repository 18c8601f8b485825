package dev.trafficstatus.server;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.trafficstatus.server.config.StatusFactory;
import io.dropwizard.core.Configuration;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/**
 * A Dropwizard configuration with a {@code status:} block: the standalone server's, and a
 * convenient base for apps that embed {@link StatusBundle} (extend it, or add a
 * {@link StatusFactory} property to your own configuration class).
 */
public class StatusConfiguration extends Configuration {

  @Valid @NotNull private StatusFactory status = new StatusFactory();

  @JsonProperty
  public StatusFactory getStatus() {
    return status;
  }

  @JsonProperty
  public void setStatus(StatusFactory status) {
    this.status = status;
  }
}
