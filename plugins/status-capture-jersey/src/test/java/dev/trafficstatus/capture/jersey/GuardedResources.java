package dev.trafficstatus.capture.jersey;

import io.dropwizard.auth.Auth;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.security.Principal;
import java.util.Optional;
import java.util.Set;

/** The resources of the guarded test app: one of each kind of protection the capture knows. */
final class GuardedResources {

  private GuardedResources() {}

  /** Anyone may call it. */
  @Path("/open")
  public static final class OpenResource {
    @GET
    public String open() {
      return "open";
    }
  }

  /** A signed-in member, required or optional. */
  @Path("/me")
  public static final class MeResource {
    @GET
    public String me(@Auth Member member) {
      return member.getName();
    }

    @GET
    @Path("greeting")
    public String greeting(@Auth Optional<Member> member) {
      return "hello " + member.map(Member::getName).orElse("stranger");
    }
  }

  /** Roles on the class; one method lets everyone in. */
  @Path("/admin")
  @RolesAllowed("admin")
  public static final class AdminResource {
    @GET
    @Path("reports")
    public String reports() {
      return "[]";
    }

    @GET
    @Path("motd")
    @PermitAll
    public String messageOfTheDay() {
      return "be kind";
    }
  }

  /** Closed on the method. */
  @Path("/closed")
  public static final class ClosedResource {
    @GET
    @DenyAll
    public String closed() {
      return "never";
    }
  }

  /** Closed on the class, with one method let through. */
  @Path("/archive")
  @DenyAll
  public static final class ArchiveResource {
    @GET
    public String list() {
      return "[]";
    }

    @GET
    @Path("index")
    @PermitAll
    public String index() {
      return "[]";
    }
  }

  /** One template, a public read and a protected write. */
  @Path("/items/{itemId}")
  public static final class ItemResource {
    @GET
    public String show(@PathParam("itemId") String itemId) {
      return itemId;
    }

    @DELETE
    @RolesAllowed("admin")
    public void remove() {}
  }

  /** Roles on the interface's method, none on the class that implements it. */
  @Path("/ping")
  public interface PingApi {
    @GET
    @RolesAllowed("admin")
    String ping();
  }

  /** Carries no annotation itself. */
  public static final class PingResource implements PingApi {
    @Override
    public String ping() {
      return "pong";
    }
  }

  /** A public sub-resource locator. */
  @Path("/orders")
  public static final class OrdersResource {
    @Path("{orderId}")
    public OrderResource order(@PathParam("orderId") String orderId) {
      return new OrderResource(orderId);
    }
  }

  /** Returned by a public locator: public and protected methods, and two untyped locators. */
  public static final class OrderResource {
    private final String orderId;

    OrderResource(String orderId) {
      this.orderId = orderId;
    }

    @GET
    public String show() {
      return orderId;
    }

    @POST
    @Path("refund")
    @RolesAllowed("admin")
    public String refund() {
      return "refunded " + orderId;
    }

    /** Untyped: its route is only known once it has run. */
    @Path("notes")
    public Object notes() {
      return new NotesResource();
    }

    /** Untyped too. */
    @Path("receipt")
    public Object receipt() {
      return new ReceiptResource();
    }
  }

  /** Returned by an untyped locator; needs a member. */
  public static final class NotesResource {
    @GET
    public String list(@Auth Member member) {
      return "notes of " + member.getName();
    }
  }

  /** Returned by an untyped locator; public. */
  public static final class ReceiptResource {
    @GET
    public String show() {
      return "receipt";
    }
  }

  /** A locator that is itself protected. */
  @Path("/vault")
  public static final class VaultResource {
    @Path("{box}")
    @RolesAllowed("admin")
    public BoxResource box(@PathParam("box") String box) {
      return new BoxResource(box);
    }
  }

  /** Returned by a protected locator; its own method carries nothing. */
  public static final class BoxResource {
    private final String box;

    BoxResource(String box) {
      this.box = box;
    }

    @GET
    public String open() {
      return box;
    }
  }

  /**
   * A signed-in user.
   *
   * @param name the user name
   * @param roles the roles granted
   */
  public record Member(String name, Set<String> roles) implements Principal {
    @Override
    public String getName() {
      return name;
    }
  }
}
