package dev.trafficstatus.server.guest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trafficstatus.server.StatusBundle;
import dev.trafficstatus.server.StatusConfiguration;
import io.dropwizard.core.Application;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.DropwizardTestSupport;
import io.dropwizard.testing.ResourceHelpers;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A page prefix or API path that lies on a path of the host's own resources fails the host's
 * start, naming the host's resource and the setting to change, instead of silently answering the
 * host's requests with the status page.
 */
class PathCollisionTest {

  /** A host with resources of its own at /protected and /admin/reports/{id}. */
  public static final class HostWithProtectedPath extends Application<StatusConfiguration> {
    @Override
    public void initialize(Bootstrap<StatusConfiguration> bootstrap) {
      bootstrap.addBundle(new StatusBundle<>(StatusConfiguration::getStatus));
    }

    @Override
    public void run(StatusConfiguration configuration, Environment environment) {
      environment.jersey().register(new ProtectedResource());
      environment.jersey().register(new ReportsResource());
    }
  }

  /** The host's own page. */
  @Path("/protected")
  public static final class ProtectedResource {
    @GET
    public String secret() {
      return "the host's own";
    }
  }

  /** More of the host's own paths. */
  @Path("/admin")
  public static final class ReportsResource {
    @GET
    @Path("reports/{id: [0-9]+}")
    public String report() {
      return "a report";
    }
  }

  private static DropwizardTestSupport<StatusConfiguration> host(ConfigOverride... overrides) {
    ConfigOverride[] all = new ConfigOverride[overrides.length + 1];
    all[0] =
        ConfigOverride.config(
            "status.store.database.url", "jdbc:h2:mem:collide-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    System.arraycopy(overrides, 0, all, 1, overrides.length);
    return new DropwizardTestSupport<>(
        HostWithProtectedPath.class, ResourceHelpers.resourceFilePath("status-only.yml"), all);
  }

  @Test
  void aPagePrefixOnAHostResourceFailsStartNamingTheResourceAndTheSetting() {
    DropwizardTestSupport<StatusConfiguration> host =
        host(ConfigOverride.config("status.page.prefix", "/protected"));
    try {
      assertThatThrownBy(host::before)
          .hasStackTraceContaining(ProtectedResource.class.getName())
          .hasStackTraceContaining("status.page.prefix");
    } finally {
      host.after();
    }
  }

  @Test
  void anApiPathAboveAHostResourceFailsStartToo() {
    DropwizardTestSupport<StatusConfiguration> host =
        host(
            ConfigOverride.config("status.api.enabled", "true"),
            ConfigOverride.config("status.api.secret", "a-secret-of-16-chars"),
            ConfigOverride.config("status.api.path", "/admin"));
    try {
      assertThatThrownBy(host::before)
          .hasStackTraceContaining(ReportsResource.class.getName())
          .hasStackTraceContaining("/admin/reports/{id}")
          .hasStackTraceContaining("status.api.path");
    } finally {
      host.after();
    }
  }

  @Test
  void aStatuspageApiPathAboveAHostResourceFailsStartAndMovingItStarts() throws Exception {
    DropwizardTestSupport<StatusConfiguration> host =
        host(ConfigOverride.config("status.statuspageApi.path", "/admin"));
    try {
      assertThatThrownBy(host::before)
          .hasStackTraceContaining(ReportsResource.class.getName())
          .hasStackTraceContaining("status.statuspageApi.path");
    } finally {
      host.after();
    }
    DropwizardTestSupport<StatusConfiguration> off =
        host(ConfigOverride.config("status.statuspageApi.enabled", "false"),
            ConfigOverride.config("status.statuspageApi.path", "/admin"));
    try {
      off.before();
      assertThat(off.getLocalPort()).isPositive();
    } finally {
      off.after();
    }
  }

  @Test
  void pathsApartStartAsBefore() throws Exception {
    DropwizardTestSupport<StatusConfiguration> host = host();
    try {
      host.before();
      assertThat(host.getLocalPort()).isPositive();
    } finally {
      host.after();
    }
  }
}
