package dev.trafficstatus.server.api;

import dev.trafficstatus.core.notice.NewIncident;
import dev.trafficstatus.core.notice.NoticeChange;
import dev.trafficstatus.core.notice.NoticeService;
import dev.trafficstatus.server.api.NoticeBodies.IncidentEditBody;
import dev.trafficstatus.server.api.NoticeBodies.NewIncidentBody;
import dev.trafficstatus.server.api.NoticeBodies.UpdateBody;
import dev.trafficstatus.spi.notice.Impact;
import dev.trafficstatus.spi.notice.Notice;
import dev.trafficstatus.spi.notice.NoticeKind;
import dev.trafficstatus.spi.notice.NoticeStatus;
import dev.trafficstatus.spi.notice.RouteState;
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
 * Incidents people write, at {@code <api.path>/incidents}, behind the configure API's bearer token:
 * {@code GET} lists the open ones and those closed in the last 14 days, {@code POST} opens one,
 * {@code GET <id>} reads one, {@code PATCH <id>} changes its name, impact or routes, {@code POST
 * <id>/updates} adds to its timeline (a new status, the states of routes), {@code POST
 * <id>/resolve} resolves it, {@code DELETE <id>} deletes one written by mistake. Bodies and answers
 * use Statuspage's field names ({@link NoticeBodies}); answers are its incident object. Every
 * change goes through {@link NoticeService}; a refused request changes nothing. Registered by
 * {@link NoticeApiRoutes}; the {@code @Path} here is a placeholder.
 */
@Path("/")
@ConfigureApiAuth
public final class IncidentApiResource {

  private static final String EXAMPLE =
      "{\"name\": \"Email delivery is delayed\", \"body\": \"We are looking into it.\"}";

  private final NoticeOperations operations;
  private final NoticeAnswers answers;

  /**
   * @param operations what the incident and maintenance API do alike
   */
  IncidentApiResource(NoticeOperations operations) {
    this.operations = Objects.requireNonNull(operations, "operations");
    this.answers = operations.answers();
  }

  /** The open incidents and those closed in the last 14 days, newest first. */
  @GET
  public Response list(@Context UriInfo uri) {
    return answers.answer(() -> operations.list(NoticeKind.INCIDENT, "incidents", uri));
  }

  /** Opens an incident. */
  @POST
  public Response open(@Context HttpHeaders headers, InputStream body, @Context UriInfo uri) {
    return answers.answer(() -> {
      NewIncidentBody request = ApiRequestReader.read(headers, body, NewIncidentBody.class, EXAMPLE);
      String name = NoticeFields.required("name", request.name());
      String text = request.body() == null ? "" : request.body();
      NoticeStatus status = request.status() == null
          ? NoticeStatus.INVESTIGATING : NoticeFields.status(request.status(), NoticeKind.INCIDENT);
      List<RouteState> states = answers.fields().states(request.components());
      Impact impact = request.impact() != null ? NoticeFields.impact(request.impact()) : impactOf(states);
      Notice opened = operations.service().open(new NewIncident(name, status, impact, text, states,
          NoticeFields.instant("started_at", request.startedAt()), false));
      operations.changed("opened", opened);
      return answers.notice(Response.Status.CREATED, opened, uri);
    });
  }

  /** One incident. */
  @GET
  @Path("{id}")
  public Response read(@PathParam("id") String id, @Context UriInfo uri) {
    return answers.answer(() -> answers.notice(Response.Status.OK, operations.find(id, NoticeKind.INCIDENT), uri));
  }

  /** Changes its name, impact or routes; adds nothing to its timeline. */
  @PATCH
  @Path("{id}")
  public Response edit(
      @PathParam("id") String id, @Context HttpHeaders headers, InputStream body, @Context UriInfo uri) {
    return answers.answer(() -> {
      operations.find(id, NoticeKind.INCIDENT);
      IncidentEditBody request = ApiRequestReader.read(headers, body, IncidentEditBody.class,
          "{\"impact\": \"major\"}");
      if (request.name() == null && request.impact() == null && request.componentIds() == null) {
        throw new ApiRejection(Response.Status.BAD_REQUEST,
            "Nothing to change: give name, impact, component_ids or several");
      }
      NoticeChange change = new NoticeChange(null, null, List.of(), null, request.name(),
          request.impact() == null ? null : NoticeFields.impact(request.impact()),
          answers.fields().routes(request.componentIds()), null, null, false);
      return operations.change(id, NoticeKind.INCIDENT, change, uri, "changed");
    });
  }

  /** Adds an update: a text, and optionally a new status and the states of routes. */
  @POST
  @Path("{id}/updates")
  public Response update(
      @PathParam("id") String id, @Context HttpHeaders headers, InputStream body, @Context UriInfo uri) {
    return answers.answer(() -> {
      operations.find(id, NoticeKind.INCIDENT);
      UpdateBody request = ApiRequestReader.read(headers, body, UpdateBody.class,
          "{\"status\": \"identified\", \"body\": \"The cause is found.\"}");
      NoticeChange change = new NoticeChange(
          request.status() == null ? null : NoticeFields.status(request.status(), NoticeKind.INCIDENT),
          NoticeFields.required("body", request.body()),
          answers.fields().states(request.components()),
          NoticeFields.displayAt(request.displayAt(), operations.now()),
          null, null, null, null, null, false);
      return operations.change(id, NoticeKind.INCIDENT, change, uri, "updated");
    });
  }

  /** Resolves it, with an update. */
  @POST
  @Path("{id}/resolve")
  public Response resolve(
      @PathParam("id") String id, @Context HttpHeaders headers, InputStream body, @Context UriInfo uri) {
    return answers.answer(() -> operations.close(id, NoticeKind.INCIDENT, NoticeStatus.RESOLVED,
        ApiRequestReader.read(headers, body, NoticeBodies.CloseBody.class, "{\"body\": \"Fixed.\"}"),
        "This incident has been resolved.", uri, "resolved"));
  }

  /** Deletes an incident written by mistake, with its timeline; nobody is notified. */
  @DELETE
  @Path("{id}")
  public Response delete(@PathParam("id") String id) {
    return answers.answer(() -> operations.delete(id, NoticeKind.INCIDENT));
  }

  /** The impact routes' states suggest: the worst of them, minor when there are none worse. */
  private static Impact impactOf(List<RouteState> states) {
    Impact impact = Impact.MINOR;
    for (RouteState state : states) {
      Impact implied = switch (state.state()) {
        case MAJOR_OUTAGE -> Impact.CRITICAL;
        case PARTIAL_OUTAGE -> Impact.MAJOR;
        case OPERATIONAL, DEGRADED, NO_DATA, MAINTENANCE -> Impact.MINOR;
      };
      impact = implied.ordinal() > impact.ordinal() ? implied : impact;
    }
    return impact;
  }
}
