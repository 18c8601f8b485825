package dev.trafficstatus.capture.jersey;

import dev.trafficstatus.spi.capture.StatusRoute;
import io.dropwizard.auth.Auth;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.security.Principal;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/** The resources of the test shop: one of each shape the capture has to handle. */
final class ShopResources {

  /** How long asynchronous resources take before they resume, in milliseconds. */
  static final long ASYNC_DELAY_MILLIS = 20;

  private ShopResources() {}

  /** The root route, named by annotation. */
  @Path("/")
  public static final class HelloResource {
    @GET
    @StatusRoute(value = "Hello, World!", doc = "Says hello.")
    public String hello() {
      return "Hello, World!";
    }
  }

  /** Plain routes with every write method, path parameters with and without a regex. */
  @Path("/items/")
  public static final class ItemsResource {
    @GET
    public String list() {
      return "[]";
    }

    @POST
    public Response create() {
      return Response.status(Response.Status.CREATED).build();
    }

    @GET
    @Path("{itemId}")
    @StatusRoute(value = "Item", doc = "One item.")
    public String show(@PathParam("itemId") String itemId) {
      if (itemId.equals("missing")) {
        throw new NotFoundException();
      }
      return itemId;
    }

    @PUT
    @Path("{itemId}")
    public Response update() {
      return Response.noContent().build();
    }

    @DELETE
    @Path("{itemId}")
    public void remove() {}

    @GET
    @Path("/{itemId}/versions/{version: [0-9]+}")
    public String version(@PathParam("version") int version) {
      return Integer.toString(version);
    }

    @POST
    @Path("{itemId}/reserve")
    public String reserve() {
      throw new OutOfStockException();
    }
  }

  /** A class path with a regex that itself holds braces. */
  @Path("numbers/{n: \\d{1,3}}/")
  public static final class NumbersResource {
    @GET
    public String square(@PathParam("n") int n) {
      return Integer.toString(n * n);
    }
  }

  /** A class-level name, overridden by one method. */
  @Path("/reports")
  @StatusRoute(value = "Reports", doc = "Monthly reports.")
  public static final class ReportsResource {
    @GET
    public String list() {
      return "[]";
    }

    @GET
    @Path("{month}")
    @StatusRoute("One month")
    public String month(@PathParam("month") String month) {
      return month;
    }
  }

  /** Sub-resource locators, two levels deep, one of them untyped. */
  @Path("/orders")
  public static final class OrdersResource {
    @GET
    public String list() {
      return "[]";
    }

    @Path("{orderId}")
    public OrderResource order(@PathParam("orderId") String orderId) {
      return new OrderResource(orderId);
    }
  }

  /** Returned by a locator. */
  public static final class OrderResource {
    private final String orderId;

    OrderResource(String orderId) {
      this.orderId = orderId;
    }

    @GET
    public String show() {
      return orderId;
    }

    @Path("items/{itemId: [0-9]+}")
    public LineItemResource item(@PathParam("itemId") int itemId) {
      return new LineItemResource(itemId);
    }

    /** Untyped on purpose: its routes can only be known once it has run. */
    @Path("notes")
    public Object notes() {
      return new NotesResource();
    }

    /** Untyped too; requested by one test only, so that test sees its first request. */
    @Path("history")
    public Object history() {
      return new HistoryResource();
    }
  }

  /** Returned by a locator of a locator's resource. */
  public static final class LineItemResource {
    private final int itemId;

    LineItemResource(int itemId) {
      this.itemId = itemId;
    }

    @GET
    @StatusRoute("Order line")
    public String show() {
      return Integer.toString(itemId);
    }

    @DELETE
    public void remove() {}
  }

  /** Returned by an untyped locator. */
  public static final class NotesResource {
    @GET
    public String list() {
      return "[]";
    }

    @POST
    public Response add() {
      return Response.status(Response.Status.CREATED).build();
    }
  }

  /** Returned by an untyped locator. */
  public static final class HistoryResource {
    @POST
    public Response append() {
      return Response.status(Response.Status.CREATED).build();
    }

    @GET
    public String list() {
      return "[]";
    }
  }

  /** Responses that come later, from another thread. */
  @Path("/async")
  public static final class AsyncResource {
    private static final Executor LATER =
        CompletableFuture.delayedExecutor(ASYNC_DELAY_MILLIS, TimeUnit.MILLISECONDS);

    @GET
    public void later(@Suspended AsyncResponse response) {
      LATER.execute(() -> response.resume("done"));
    }

    @GET
    @Path("failing")
    public void laterFailing(@Suspended AsyncResponse response) {
      LATER.execute(() -> response.resume(new OutOfStockException()));
    }
  }

  /** JAX-RS annotations, and the route's name, on an interface. */
  @Path("/ping")
  public interface PingApi {
    @GET
    @StatusRoute(value = "Ping", doc = "Answers pong.")
    String ping();
  }

  /** Implements an annotated interface and carries no annotation itself. */
  public static final class PingResource implements PingApi {
    @Override
    public String ping() {
      return "pong";
    }
  }

  /** An exception no mapper of the application knows. */
  @Path("/boom")
  public static final class BoomResource {
    @GET
    public String boom() {
      throw new IllegalStateException("boom, as the test wants");
    }
  }

  /** Protected by dropwizard-auth. */
  @Path("/account")
  public static final class AccountResource {
    @GET
    public String me(@Auth Shopper shopper) {
      return shopper.getName();
    }
  }

  /** A route whose recorder breaks. */
  @Path("/fragile")
  public static final class FragileResource {
    @GET
    public String fragile() {
      return "still served";
    }
  }

  /** A signed-in user. */
  public record Shopper(String name) implements Principal {
    @Override
    public String getName() {
      return name;
    }
  }

  /** Thrown when an item cannot be reserved; mapped to 409. */
  static final class OutOfStockException extends RuntimeException {
    OutOfStockException() {
      super("out of stock", null, false, false);
    }
  }

  /** Maps {@link OutOfStockException} to 409 Conflict. */
  public static final class OutOfStockMapper implements ExceptionMapper<OutOfStockException> {
    @Override
    public Response toResponse(OutOfStockException exception) {
      return Response.status(Response.Status.CONFLICT).build();
    }
  }
}
