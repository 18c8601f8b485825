package dev.trafficstatus.server.api;

import dev.trafficstatus.server.statuspage.StatuspageWriter;
import dev.trafficstatus.spi.store.DeliveryAttempt;
import dev.trafficstatus.spi.store.NoticeStore;
import dev.trafficstatus.spi.store.OutboxEvent;
import dev.trafficstatus.spi.store.OutboxStore;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The delivery log, at {@code <api.path>/notifications}, behind the configure API's bearer token:
 * {@code GET ?notice=<id>} answers what became of an incident's or maintenance's notifications
 * (its events, oldest first, each with every attempt to every receiver), {@code GET <event id>}
 * the attempts to deliver one event (the id receivers get as {@code Idempotency-Key}). Attempts
 * are as the sender recorded them: error texts carry no secrets. Read only; events past {@code
 * retention.notifications} are gone. Registered by {@link NoticeApiRoutes} when the store keeps an
 * outbox; the {@code @Path} here is a placeholder.
 */
@Path("/")
@ConfigureApiAuth
public final class NotificationApiResource {

  /**
   * One attempt as the log shows it.
   *
   * @param receiver the receiver's name, such as {@code webhook:ops}
   * @param attempt the attempt's number, from 1
   * @param at when it was made
   * @param outcome {@code delivered}, {@code retry}, {@code dead} or {@code skipped}
   * @param responseCode the receiver's status code, 0 when there was no answer
   * @param error what went wrong, or empty
   * @param nextAttemptAt when it is tried again (a retry), else null
   */
  record AttemptEntry(
      String receiver,
      int attempt,
      String at,
      String outcome,
      int responseCode,
      String error,
      String nextAttemptAt) {}

  /**
   * One event with its attempts.
   *
   * @param id the event's id, the receivers' {@code Idempotency-Key}
   * @param event its type, such as {@code incident.opened}
   * @param createdAt when it was written
   * @param attempts every attempt to every receiver, oldest first
   */
  record EventEntry(String id, String event, String createdAt, List<AttemptEntry> attempts) {}

  /**
   * The attempts to deliver one event.
   *
   * @param id the event's id
   * @param attempts every attempt to every receiver, oldest first
   */
  record EventAttempts(String id, List<AttemptEntry> attempts) {}

  /**
   * A notice's events.
   *
   * @param noticeId the notice's id
   * @param events its events still kept, oldest first
   */
  record NoticeEntry(String noticeId, List<EventEntry> events) {}

  private final OutboxStore outbox;
  private final NoticeStore notices;
  private final NoticeAnswers answers;

  /**
   * @param outbox where events and attempts are read
   * @param notices where notices are looked up
   * @param answers how failures are answered, as in the rest of the API
   */
  NotificationApiResource(OutboxStore outbox, NoticeStore notices, NoticeAnswers answers) {
    this.outbox = Objects.requireNonNull(outbox, "outbox");
    this.notices = Objects.requireNonNull(notices, "notices");
    this.answers = Objects.requireNonNull(answers, "answers");
  }

  /** A notice's events, each with its attempts. */
  @GET
  public Response ofNotice(@QueryParam("notice") String noticeId) {
    return answers.answer(() -> {
      if (noticeId == null || noticeId.isEmpty()) {
        throw new ApiRejection(Response.Status.BAD_REQUEST,
            "Name the notice: ?notice=<incident or maintenance id>; or GET .../<event id>");
      }
      NoticeAnswers.id(noticeId, "incident or maintenance");
      List<OutboxEvent> events = outbox.events(noticeId);
      if (events.isEmpty() && notices.find(noticeId).isEmpty()) {
        throw NoticeAnswers.notFound("incident or maintenance");
      }
      List<EventEntry> entries = events.stream()
          .map(event -> new EventEntry(event.id(), event.type().wireName(),
              event.createdAt().toString(), attempts(event.id())))
          .toList();
      return json(new NoticeEntry(noticeId, entries));
    });
  }

  /** The attempts to deliver one event. */
  @GET
  @Path("{eventId}")
  public Response ofEvent(@PathParam("eventId") String eventId) {
    return answers.answer(() -> {
      NoticeAnswers.id(eventId, "attempt to deliver an event");
      List<AttemptEntry> attempts = attempts(eventId);
      if (attempts.isEmpty()) {
        throw NoticeAnswers.notFound("attempt to deliver an event");
      }
      return json(new EventAttempts(eventId, attempts));
    });
  }

  private List<AttemptEntry> attempts(String eventId) {
    return outbox.attempts(eventId).stream().map(NotificationApiResource::entry).toList();
  }

  private static AttemptEntry entry(DeliveryAttempt attempt) {
    return new AttemptEntry(
        attempt.receiver(),
        attempt.number(),
        attempt.at().toString(),
        attempt.outcome().name().toLowerCase(Locale.ROOT),
        attempt.responseCode(),
        attempt.error(),
        text(attempt.nextAttemptAt()));
  }

  private static String text(Instant instant) {
    return instant == null ? null : instant.toString();
  }

  private static Response json(Object entity) {
    CacheControl noStore = new CacheControl();
    noStore.setNoStore(true);
    noStore.setNoTransform(false);
    return Response.ok(StatuspageWriter.bytes(entity))
        .type("application/json")
        .cacheControl(noStore)
        .header("X-Content-Type-Options", "nosniff")
        .build();
  }
}
