package dev.trafficstatus.server.api;

import dev.trafficstatus.core.notice.NewMaintenance;
import dev.trafficstatus.core.notice.NoticeChange;
import dev.trafficstatus.core.notice.NoticeService;
import dev.trafficstatus.server.api.NoticeBodies.CloseBody;
import dev.trafficstatus.server.api.NoticeBodies.MaintenanceEditBody;
import dev.trafficstatus.server.api.NoticeBodies.NewMaintenanceBody;
import dev.trafficstatus.server.api.NoticeBodies.UpdateBody;
import dev.trafficstatus.spi.RouteKey;
import dev.trafficstatus.spi.notice.Notice;
import dev.trafficstatus.spi.notice.NoticeKind;
import dev.trafficstatus.spi.notice.NoticeStatus;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.util.List;
import java.util.Objects;

/**
 * Scheduled maintenances, at {@code <api.path>/maintenances}, behind the configure API's bearer
 * token: {@code GET} lists the open ones and those completed in the last 14 days, {@code POST}
 * announces one (a window entirely in the past only with {@code backdated_reason}), {@code GET <id>}
 * reads one, {@code PATCH <id>} changes its name, window or routes (ending it early or extending
 * it), {@code POST <id>/updates} adds to its timeline, {@code POST <id>/complete} ends it, {@code
 * POST <id>/cancel} calls it off, {@code DELETE <id>} deletes one written by mistake. Statuspage's
 * field names; answers are its incident object with {@code scheduled_for} and {@code
 * scheduled_until}. Every change goes through {@link NoticeService}. Registered by {@link
 * NoticeApiRoutes}; the {@code @Path} here is a placeholder.
 */
@Path("/")
@ConfigureApiAuth
public final class MaintenanceApiResource {

  private static final String EXAMPLE = "{\"name\": \"Database upgrade\", \"scheduled_for\":"
      + " \"2025-06-15T02:00:00Z\", \"scheduled_until\": \"2025-06-15T03:00:00Z\", \"body\": \"…\"}";

  private final NoticeOperations operations;
  private final NoticeAnswers answers;

  /**
   * @param operations what the incident and maintenance API do alike
   */
  MaintenanceApiResource(NoticeOperations operations) {
    this.operations = Objects.requireNonNull(operations, "operations");
    this.answers = operations.answers();
  }

  /** The open maintenances and those completed in the last 14 days. */
  @GET
  public Response list(@Context UriInfo uri) {
    return answers.answer(() -> operations.list(NoticeKind.MAINTENANCE, "scheduled_maintenances", uri));
  }

  /** Announces a maintenance. */
  @POST
  public Response schedule(@Context HttpHeaders headers, InputStream body, @Context UriInfo uri) {
    return answers.answer(() -> {
      NewMaintenanceBody request = ApiRequestReader.read(headers, body, NewMaintenanceBody.class, EXAMPLE);
      String name = NoticeFields.required("name", request.name());
      var from = NoticeFields.instant("scheduled_for",
          NoticeFields.required("scheduled_for", request.scheduledFor()));
      var until = NoticeFields.instant("scheduled_until",
          NoticeFields.required("scheduled_until", request.scheduledUntil()));
      List<RouteKey> routes = answers.fields().routes(request.componentIds());
      Notice scheduled = operations.service().schedule(new NewMaintenance(null, name,
          routes == null ? List.of() : routes, from, until,
          request.body() == null ? "" : request.body(), request.backdatedReason(), false));
      operations.changed("scheduled", scheduled);
      return answers.notice(Response.Status.CREATED, scheduled, uri);
    });
  }

  /** One maintenance. */
  @GET
  @Path("{id}")
  public Response read(@PathParam("id") String id, @Context UriInfo uri) {
    return answers.answer(() -> answers.notice(
        Response.Status.OK, operations.find(id, NoticeKind.MAINTENANCE), uri));
  }

  /** Changes its name, window or routes; adds nothing to its timeline. */
  @PATCH
  @Path("{id}")
  public Response edit(
      @PathParam("id") String id, @Context HttpHeaders headers, InputStream body, @Context UriInfo uri) {
    return answers.answer(() -> {
      operations.find(id, NoticeKind.MAINTENANCE);
      MaintenanceEditBody request = ApiRequestReader.read(headers, body, MaintenanceEditBody.class,
          "{\"scheduled_until\": \"2025-06-15T04:00:00Z\"}");
      if (request.name() == null && request.scheduledFor() == null
          && request.scheduledUntil() == null && request.componentIds() == null) {
        throw new ApiRejection(Response.Status.BAD_REQUEST, "Nothing to change: give name,"
            + " scheduled_for, scheduled_until, component_ids or several");
      }
      NoticeChange change = new NoticeChange(null, null, List.of(), null, request.name(), null,
          answers.fields().routes(request.componentIds()),
          NoticeFields.instant("scheduled_for", request.scheduledFor()),
          NoticeFields.instant("scheduled_until", request.scheduledUntil()), false);
      return operations.change(id, NoticeKind.MAINTENANCE, change, uri, "changed");
    });
  }

  /** Adds an update: a text, and optionally a new status. */
  @POST
  @Path("{id}/updates")
  public Response update(
      @PathParam("id") String id, @Context HttpHeaders headers, InputStream body, @Context UriInfo uri) {
    return answers.answer(() -> {
      operations.find(id, NoticeKind.MAINTENANCE);
      UpdateBody request = ApiRequestReader.read(headers, body, UpdateBody.class,
          "{\"status\": \"verifying\", \"body\": \"The work is done; checking.\"}");
      if (request.components() != null) {
        throw new ApiRejection(Response.Status.BAD_REQUEST, "A maintenance's update takes no"
            + " components: PATCH component_ids to change its routes");
      }
      NoticeChange change = new NoticeChange(
          request.status() == null ? null : NoticeFields.status(request.status(), NoticeKind.MAINTENANCE),
          NoticeFields.required("body", request.body()), List.of(),
          NoticeFields.displayAt(request.displayAt(), operations.now()),
          null, null, null, null, null, false);
      return operations.change(id, NoticeKind.MAINTENANCE, change, uri, "updated");
    });
  }

  /** Ends it: the work is done. */
  @POST
  @Path("{id}/complete")
  public Response complete(
      @PathParam("id") String id, @Context HttpHeaders headers, InputStream body, @Context UriInfo uri) {
    return answers.answer(() -> operations.close(id, NoticeKind.MAINTENANCE, NoticeStatus.COMPLETED,
        ApiRequestReader.read(headers, body, CloseBody.class, "{\"body\": \"Done.\"}"),
        "This maintenance has been completed.", uri, "completed"));
  }

  /** Calls it off: completed, saying so. */
  @POST
  @Path("{id}/cancel")
  public Response cancel(
      @PathParam("id") String id, @Context HttpHeaders headers, InputStream body, @Context UriInfo uri) {
    return answers.answer(() -> operations.close(id, NoticeKind.MAINTENANCE, NoticeStatus.COMPLETED,
        ApiRequestReader.read(headers, body, CloseBody.class, "{\"body\": \"Called off.\"}"),
        "This maintenance has been cancelled.", uri, "cancelled"));
  }

  /** Deletes a maintenance written by mistake, with its timeline; nobody is notified. */
  @DELETE
  @Path("{id}")
  public Response delete(@PathParam("id") String id) {
    return answers.answer(() -> operations.delete(id, NoticeKind.MAINTENANCE));
  }
}
