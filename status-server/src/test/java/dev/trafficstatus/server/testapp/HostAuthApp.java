package dev.trafficstatus.server.testapp;

import dev.trafficstatus.server.StatusBundle;
import io.dropwizard.auth.Auth;
import io.dropwizard.auth.AuthDynamicFeature;
import io.dropwizard.auth.AuthValueFactoryProvider;
import io.dropwizard.auth.oauth.OAuthCredentialAuthFilter;
import io.dropwizard.core.Application;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.security.Principal;
import java.util.Optional;
import org.glassfish.jersey.server.filter.RolesAllowedDynamicFeature;

/**
 * A host app with dropwizard-auth of its own, set up the way Dropwizard's manual shows: an
 * AuthDynamicFeature around an OAuth bearer filter, RolesAllowedDynamicFeature, and the @Auth
 * binder for its own principal type. The status bundle's API must live beside it untouched.
 */
public class HostAuthApp extends Application<ShopConfiguration> {

  /** The host's own bearer token, unrelated to the status API's secret. */
  public static final String HOST_TOKEN = "host-token-0123456789";

  /** The host's principal, a type of its own. */
  public record HostUser(String name) implements Principal {
    @Override
    public String getName() {
      return name;
    }
  }

  @Override
  public String getName() {
    return "host";
  }

  @Override
  public void initialize(Bootstrap<ShopConfiguration> bootstrap) {
    bootstrap.addBundle(new StatusBundle<>(ShopConfiguration::getStatus));
  }

  @Override
  public void run(ShopConfiguration configuration, Environment environment) {
    environment.jersey().register(
        new AuthDynamicFeature(
            new OAuthCredentialAuthFilter.Builder<HostUser>()
                .setAuthenticator(token -> HOST_TOKEN.equals(token) ? Optional.of(new HostUser("alice")) : Optional.empty())
                .setAuthorizer((user, role, context) -> "admin".equals(role))
                .setPrefix("Bearer")
                .setRealm("host")
                .buildAuthFilter()));
    environment.jersey().register(RolesAllowedDynamicFeature.class);
    environment.jersey().register(new AuthValueFactoryProvider.Binder<>(HostUser.class));
    environment.jersey().register(new AccountResource());
    environment.jersey().register(new AdminResource());
    environment.jersey().register(new PublicResource());
  }

  /** Needs the host's principal through @Auth. */
  @Path("/account")
  @Produces(MediaType.TEXT_PLAIN)
  public static final class AccountResource {
    @GET
    public String account(@Auth HostUser user) {
      return "account of " + user.getName();
    }
  }

  /** Needs a role the host's authorizer grants. */
  @Path("/admin")
  @Produces(MediaType.TEXT_PLAIN)
  public static final class AdminResource {
    @GET
    @RolesAllowed("admin")
    public String admin() {
      return "admin area";
    }
  }

  /** Open to all. */
  @Path("/public")
  @Produces(MediaType.TEXT_PLAIN)
  public static final class PublicResource {
    @GET
    public String open() {
      return "open";
    }
  }
}
