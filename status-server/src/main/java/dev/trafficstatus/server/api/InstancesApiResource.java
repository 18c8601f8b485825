package dev.trafficstatus.server.api;

import dev.trafficstatus.core.fleet.InstanceSettings;
import dev.trafficstatus.spi.store.InstanceStore;
import dev.trafficstatus.spi.store.StatusStore;
import dev.trafficstatus.spi.store.StoreException;
import dev.trafficstatus.spi.store.StoredInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code GET <api.path>/instances} behind the API's bearer token: the instances writing into the
 * store heard from within {@code status.instances.forgetAfter}, newest start first, with host,
 * version, start, last flush, clean stop and state ({@code reporting}, {@code silent} or {@code
 * stopped}). What the public page only counts, for the operator's scripts. Registered at {@code
 * <api.path>/instances} by {@link ConfigureApiRoutes}; the {@code @Path} here is a placeholder.
 */
@Path("/")
@ConfigureApiAuth
public final class InstancesApiResource {

  /** One instance as the API lists it; instants ISO-8601, null where not set. */
  record InstanceJson(
      String instance,
      String service,
      String host,
      String version,
      String startedAt,
      String lastFlushAt,
      String stoppedAt,
      String lastSeenAt,
      long quietSeconds,
      String state) {}

  private final StatusStore store;
  private final InstanceSettings settings;
  private final Clock clock;

  /**
   * @param store the store, whose {@link StatusStore#instances()} lists them
   * @param settings when an instance counts as silent, and how far back to list
   * @param clock what "now" is
   */
  public InstancesApiResource(StatusStore store, InstanceSettings settings, Clock clock) {
    this.store = store;
    this.settings = settings;
    this.clock = clock;
  }

  /**
   * The instances heard from lately.
   *
   * @return 200 {@code {"instances": [...]}}; 404 when the store keeps no instances; 503 while it
   *     cannot be read
   */
  @GET
  public Response list() {
    Optional<InstanceStore> instances = store.instances();
    if (instances.isEmpty()) {
      return ApiResponses.error(Response.Status.NOT_FOUND, "The status store keeps no instances").build();
    }
    Instant now = clock.instant();
    List<StoredInstance> listed;
    try {
      listed = instances.get().instances(now.minus(settings.forgetAfter()), InstanceStore.MAX_LISTED);
    } catch (StoreException unreachable) {
      return ApiResponses.error(
              Response.Status.SERVICE_UNAVAILABLE,
              "The status store cannot be reached right now; try again later")
          .build();
    }
    return ApiResponses.ok(Map.of("instances", listed.stream().map(i -> json(i, now)).toList()));
  }

  private InstanceJson json(StoredInstance instance, Instant now) {
    Duration quiet = Duration.between(instance.lastSeen(), now);
    String state = instance.stoppedAt() != null ? "stopped"
        : quiet.compareTo(settings.silentAfter()) >= 0 ? "silent" : "reporting";
    return new InstanceJson(
        instance.instance(), instance.service(), instance.host(), instance.version(),
        instance.startedAt().toString(), text(instance.lastFlushAt()), text(instance.stoppedAt()),
        instance.lastSeen().toString(), Math.max(0, quiet.toSeconds()), state);
  }

  private static String text(Instant instant) {
    return instant == null ? null : instant.toString();
  }
}
