package com.example.helloworld;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.trafficstatus.server.StatusBundle;
import dev.trafficstatus.server.config.StatusFactory;
import io.dropwizard.core.setup.Bootstrap;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/**
 * Dropwizard's example application with the status bundle added as the README says: a {@code
 * status:} property on the configuration and one {@code addBundle} line. Compiled by
 * bench/dropwizard-example.sh against the example's jar, not by Maven; started by {@code
 * bench/startup.sh -H}.
 */
public class WithStatusApplication extends HelloWorldApplication {

  /** A configuration that has the {@code status:} block. */
  public interface HasStatus {
    StatusFactory getStatus();
  }

  /** The example's configuration with the {@code status:} block. */
  public static class Config extends HelloWorldConfiguration implements HasStatus {
    @Valid @NotNull private StatusFactory status = new StatusFactory();

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

  private final Class<? extends HelloWorldConfiguration> configurationClass;

  public WithStatusApplication() {
    this(Config.class);
  }

  /** @param configurationClass the configuration read: a subclass of the example's with the block */
  protected WithStatusApplication(Class<? extends HelloWorldConfiguration> configurationClass) {
    this.configurationClass = configurationClass;
  }

  public static void main(String[] args) throws Exception {
    new WithStatusApplication().run(args);
  }

  /** The example's application class is typed on its configuration; this one reads the subclass. */
  @Override
  @SuppressWarnings({"unchecked", "rawtypes"})
  public Class<HelloWorldConfiguration> getConfigurationClass() {
    return (Class) configurationClass;
  }

  @Override
  public void initialize(Bootstrap<HelloWorldConfiguration> bootstrap) {
    super.initialize(bootstrap);
    bootstrap.addBundle(new StatusBundle<HelloWorldConfiguration>(config -> ((HasStatus) config).getStatus()));
  }
}
