package dev.trafficstatus.server.api;

import dev.trafficstatus.spi.RouteKey;
import dev.trafficstatus.spi.store.RouteEdit;
import dev.trafficstatus.spi.store.StatusStore;
import dev.trafficstatus.spi.store.StoreException;
import dev.trafficstatus.spi.store.StoredRoute;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import dev.trafficstatus.server.logging.RateLimitedLog;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The configure API, wire-compatible with FlaskStatus's {@code /flask-status/configure}: {@code PUT}
 * renames or re-documents a route, {@code DELETE} removes its history and hides it for good,
 * {@code POST restore} brings a deleted route back (without its history), {@code GET} lists every
 * route with its hidden state. Served under the configured path by {@link ConfigureApiRoutes}; the
 * {@code @Path} here is a placeholder. Every method needs the bearer token ({@link
 * BearerTokenAuthFilter}).
 *
 * <p>Every answer is JSON. Refusals carry an {@code error} that says what is wrong (FlaskStatus's
 * {@code "No rule provided"} among them) and change nothing: the body is validated in full before
 * the store is touched, and each change is one store transaction.
 */
@Path("/")
@ConfigureApiAuth
public final class ConfigureApiResource {

  private static final Logger LOG = LoggerFactory.getLogger(ConfigureApiResource.class);

  private static final String EDIT_EXAMPLE = "{\"rule\": \"/\", \"name\": \"Hello World!\", \"doc\": \"\"}";
  private static final String RULE_EXAMPLE = "{\"rule\": \"/\"}";

  private final StatusStore store;
  private final String defaultService;
  private final String path;
  private final Runnable onChange;
  private final IntSupplier declarePending;
  private final Clock clock;
  private final RateLimitedLog storeTrouble;
  private final RateLimitedLog bugs;

  /**
   * @param store where routes are kept
   * @param defaultService the service of routes whose request names none (this app's)
   * @param path where the API is served, for messages that point at {@code restore}
   * @param onChange called after every change, so a cached page shows it at once
   * @param clock what "now" is: a restored route counts from the next minute on
   */
  public ConfigureApiResource(
      StatusStore store, String defaultService, String path, Runnable onChange, Clock clock) {
    this(store, defaultService, path, onChange, () -> 0, clock);
  }

  /**
   * @param store where routes are kept
   * @param defaultService the service of routes whose request names none (this app's)
   * @param path where the API is served, for messages that point at {@code restore}
   * @param onChange called after every change, so a cached page shows it at once
   * @param declarePending makes the routes this process's captures declared known to the store
   *     now, returning how many: a route unknown to the store may just not be declared yet
   * @param clock what "now" is: a restored route counts from the next minute on
   */
  public ConfigureApiResource(
      StatusStore store,
      String defaultService,
      String path,
      Runnable onChange,
      IntSupplier declarePending,
      Clock clock) {
    this.store = Objects.requireNonNull(store, "store");
    this.defaultService = Objects.requireNonNull(defaultService, "defaultService");
    this.path = Objects.requireNonNull(path, "path");
    this.onChange = Objects.requireNonNull(onChange, "onChange");
    this.declarePending = Objects.requireNonNull(declarePending, "declarePending");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.storeTrouble = new RateLimitedLog(LOG, Duration.ofMinutes(1), clock);
    this.bugs = new RateLimitedLog(LOG, Duration.ofMinutes(1), clock);
  }

  /** The answer to a change: what was done, in FlaskStatus's words. */
  record MessageJson(String message) {}

  /** The answer to a change of one route: what was done and the route as it is now. */
  record RouteMessageJson(String message, RouteJson route) {}

  /** The answer to GET. */
  record RoutesJson(List<RouteJson> routes) {}

  /** A route as the API shows it. */
  record RouteJson(
      String service, String rule, String name, String doc, String group, boolean hidden, boolean edited) {

    static RouteJson of(StoredRoute route) {
      return new RouteJson(
          route.key().service(),
          route.key().rule(),
          route.name(),
          route.doc(),
          route.group(),
          route.hidden(),
          route.edited());
    }
  }

  /** Every route of every service in the store, deleted ones marked {@code hidden}. */
  @GET
  public Response list() {
    return answer(() -> ApiResponses.ok(new RoutesJson(store.routes().stream().map(RouteJson::of).toList())));
  }

  /** Renames or re-documents a route: {@code {"rule", "name"?, "doc"?, "service"?}}. */
  @PUT
  public Response modify(@Context HttpHeaders headers, InputStream body) {
    return answer(() -> {
      RouteChange change = ApiRequestReader.read(headers, body, RouteChange.class, EDIT_EXAMPLE);
      RouteKey key = keyOf(change.rule(), change.service());
      if (change.name() == null && change.doc() == null) {
        throw new ApiRejection(Response.Status.BAD_REQUEST, "Nothing to change: give a name, a doc or both");
      }
      RouteEdit edit;
      try {
        edit = new RouteEdit(change.name(), change.doc());
      } catch (IllegalArgumentException invalid) {
        // RouteEdit's messages name the field and the limit, never the text.
        throw new ApiRejection(Response.Status.BAD_REQUEST, invalid.getMessage());
      }
      Optional<StoredRoute> found = store.editRoute(key, edit);
      if (found.isEmpty() && declarePending.getAsInt() > 0) {
        found = store.editRoute(key, edit);
      }
      StoredRoute edited = found.orElseThrow(() -> noVisibleRoute(key));
      changed("modified", key);
      return ApiResponses.ok(new RouteMessageJson("Route modified", RouteJson.of(edited)));
    });
  }

  /** Deletes a route's history and hides it until restored: {@code {"rule", "service"?}}. */
  @DELETE
  public Response delete(@Context HttpHeaders headers, InputStream body) {
    return answer(() -> {
      RouteReference reference = ApiRequestReader.read(headers, body, RouteReference.class, RULE_EXAMPLE);
      RouteKey key = keyOf(reference.rule(), reference.service());
      if (!store.deleteRoute(key) && !(declarePending.getAsInt() > 0 && store.deleteRoute(key))) {
        throw noVisibleRoute(key);
      }
      changed("deleted", key);
      return ApiResponses.ok(new MessageJson("Route deleted"));
    });
  }

  /**
   * Shows a deleted route again, without its history: {@code {"rule", "service"?}}. It counts from
   * the next minute on, so requests from before the delete that processes still hold in memory
   * never come back.
   */
  @POST
  @Path("restore")
  public Response restore(@Context HttpHeaders headers, InputStream body) {
    return answer(() -> {
      RouteReference reference = ApiRequestReader.read(headers, body, RouteReference.class, RULE_EXAMPLE);
      RouteKey key = keyOf(reference.rule(), reference.service());
      if (!store.restoreRoute(key, clock.instant())) {
        throw noDeletedRoute(key);
      }
      changed("restored", key);
      Optional<StoredRoute> restored =
          store.routes().stream().filter(route -> route.key().equals(key)).findFirst();
      return ApiResponses.ok(
          restored
              .<Object>map(route -> new RouteMessageJson("Route restored", RouteJson.of(route)))
              .orElse(new MessageJson("Route restored")));
    });
  }

  private interface Action {
    Response run() throws ApiRejection;
  }

  private Response answer(Action action) {
    try {
      return action.run();
    } catch (ApiRejection refused) {
      return refused.response();
    } catch (StoreException unreachable) {
      storeTrouble.warn("The configure API could not reach the status store", unreachable);
      return ApiResponses.error(
              Response.Status.SERVICE_UNAVAILABLE,
              "The status store cannot be reached right now; try again later")
          .build();
    } catch (RuntimeException bug) {
      // A bug of ours, not the client's: logged (rate-limited), never echoed.
      bugs.error("The configure API failed unexpectedly", bug);
      return ApiResponses.error(
              Response.Status.INTERNAL_SERVER_ERROR, "The configure API failed; see the server log")
          .build();
    }
  }

  /** The route a request names: its rule (required, as FlaskStatus does) and service (this app's if none). */
  private RouteKey keyOf(String rule, String service) throws ApiRejection {
    if (rule == null || rule.isEmpty()) {
      throw new ApiRejection(Response.Status.BAD_REQUEST, "No rule provided");
    }
    checkKeyPart("rule", rule);
    if (service == null) {
      return new RouteKey(defaultService, rule);
    }
    checkKeyPart("service", service);
    return new RouteKey(service, rule);
  }

  /**
   * Rules and services are route templates and names from code: no such text is blank or holds a
   * control character, and PostgreSQL could not even compare one with a NUL in it.
   */
  private static void checkKeyPart(String field, String value) throws ApiRejection {
    if (value.isBlank()) {
      throw new ApiRejection(Response.Status.BAD_REQUEST, field + " must not be blank");
    }
    if (value.codePoints().anyMatch(c -> Character.isISOControl(c) || Character.getType(c) == Character.SURROGATE)) {
      throw new ApiRejection(
          Response.Status.BAD_REQUEST, field + " must be valid text without control characters");
    }
  }

  /** A PUT or DELETE of a route that is unknown or already deleted. */
  private ApiRejection noVisibleRoute(RouteKey key) {
    return new ApiRejection(
        Response.Status.NOT_FOUND,
        "No route " + describe(key) + "; GET " + path + " lists the routes (an app's routes are"
            + " listed from its start, once it reaches the status database; a deleted one has"
            + " \"hidden\": true and comes back with POST " + path + "/restore)");
  }

  /** A restore of a route that is unknown or not deleted. */
  private ApiRejection noDeletedRoute(RouteKey key) {
    return new ApiRejection(
        Response.Status.NOT_FOUND,
        "No deleted route " + describe(key) + "; GET " + path + " lists the routes");
  }

  private static String describe(RouteKey key) {
    return ApiResponses.printable(key.rule()) + " in service " + ApiResponses.printable(key.service());
  }

  private void changed(String what, RouteKey key) {
    LOG.info("Traffic Status API {} route {} of service {}", what, key.rule(), key.service());
    onChange.run();
  }
}
