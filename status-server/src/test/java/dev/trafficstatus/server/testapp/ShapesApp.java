package dev.trafficstatus.server.testapp;

import dev.trafficstatus.server.StatusBundle;
import io.dropwizard.auth.AuthDynamicFeature;
import io.dropwizard.auth.AuthValueFactoryProvider;
import io.dropwizard.auth.basic.BasicCredentialAuthFilter;
import io.dropwizard.auth.basic.BasicCredentials;
import io.dropwizard.core.Application;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.security.Principal;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A host app with one resource of every shape the capture must count: plain, path parameters
 * with a regex, sub-resource locators two deep, async, an exception mapper, an unmapped exception,
 * an auth filter that aborts, and the HEAD/OPTIONS Jersey answers for a GET.
 */
public class ShapesApp extends Application<ShopConfiguration> {

  private StatusBundle<ShopConfiguration> bundle;

  @Override
  public String getName() {
    return "shapes";
  }

  @Override
  public void initialize(Bootstrap<ShopConfiguration> bootstrap) {
    bundle = new StatusBundle<>(ShopConfiguration::getStatus);
    bootstrap.addBundle(bundle);
  }

  @Override
  public void run(ShopConfiguration configuration, Environment environment) {
    environment.jersey().register(new PlainResource());
    environment.jersey().register(new ItemsResource());
    environment.jersey().register(new OrdersResource());
    environment.jersey().register(new SlowResource());
    environment.jersey().register(new FailingResource());
    environment.jersey().register(new SecretResource());
    environment.jersey().register(new ConflictMapper());
    environment.jersey().register(
        new AuthDynamicFeature(
            new BasicCredentialAuthFilter.Builder<Principal>()
                .setAuthenticator(ShapesApp::authenticate)
                .setRealm("shapes")
                .buildAuthFilter()));
    environment.jersey().register(new AuthValueFactoryProvider.Binder<>(Principal.class));
  }

  private static Optional<Principal> authenticate(BasicCredentials credentials) {
    return "alice".equals(credentials.getUsername()) && "secret".equals(credentials.getPassword())
        ? Optional.of(() -> "alice")
        : Optional.empty();
  }

  public StatusBundle<ShopConfiguration> bundle() {
    return bundle;
  }

  @Path("/plain")
  @Produces(MediaType.TEXT_PLAIN)
  public static final class PlainResource {
    @GET
    public String plain() {
      return "plain";
    }
  }

  @Path("/items/{id: [0-9]+}")
  @Produces(MediaType.TEXT_PLAIN)
  public static final class ItemsResource {
    @GET
    public String item(@PathParam("id") int id) {
      return "item " + id;
    }

    @DELETE
    public void delete() {}
  }

  @Path("/orders/{orderId}")
  public static final class OrdersResource {
    @Path("lines")
    public LinesResource lines() {
      return new LinesResource();
    }
  }

  public static final class LinesResource {
    @Path("{lineId}")
    public LineResource line(@PathParam("lineId") String lineId) {
      return new LineResource(lineId);
    }
  }

  public static final class LineResource {
    private final String lineId;

    LineResource(String lineId) {
      this.lineId = lineId;
    }

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    public String show() {
      return lineId;
    }
  }

  @Path("/slow")
  public static final class SlowResource {
    @GET
    @Produces(MediaType.TEXT_PLAIN)
    public void slow(@Suspended AsyncResponse response) {
      CompletableFuture.delayedExecutor(10, TimeUnit.MILLISECONDS)
          .execute(() -> response.resume("done"));
    }
  }

  /** Thrown by the host's code; the host's own mapper turns it into 409. */
  public static final class ConflictException extends RuntimeException {
    private static final long serialVersionUID = 1L;
  }

  public static final class ConflictMapper implements ExceptionMapper<ConflictException> {
    @Override
    public Response toResponse(ConflictException exception) {
      return Response.status(Response.Status.CONFLICT).entity("conflict").build();
    }
  }

  @Path("/fail")
  public static final class FailingResource {
    @GET
    @Path("conflict")
    public String conflict() {
      throw new ConflictException();
    }

    @GET
    @Path("boom")
    public String boom() {
      throw new IllegalStateException("unmapped on purpose");
    }
  }

  @Path("/secret")
  @Produces(MediaType.TEXT_PLAIN)
  public static final class SecretResource {
    @GET
    @PermitAll
    public String secret() {
      return "the secret";
    }
  }
}
