package com.example.helloworld;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.trafficstatus.server.config.StatusFactory;
import jakarta.validation.constraints.NotNull;

/**
 * {@link WithStatusApplication} whose {@code status} property is not {@code @Valid}: Dropwizard
 * binds the block but does not validate it. Not a way to run the bundle (a wrong setting would
 * then fail later, or not at all); a probe for {@code bench/startup.sh -H … -w
 * com.example.helloworld.UnvalidatedStatusApplication}, to price validating the block.
 */
public class UnvalidatedStatusApplication extends WithStatusApplication {

  /** The example's configuration with the {@code status:} block, not cascaded into. */
  public static class Config extends HelloWorldConfiguration implements HasStatus {
    @NotNull private StatusFactory status = new StatusFactory();

    @Override
    @JsonProperty
    public StatusFactory getStatus() {
      return status;
    }

    @JsonProperty
    public void setStatus(StatusFactory status) {
      this.status = status;
    }
  }

  public UnvalidatedStatusApplication() {
    super(Config.class);
  }

  public static void main(String[] args) throws Exception {
    new UnvalidatedStatusApplication().run(args);
  }
}
