package dev.trafficstatus.server.api;

import dev.trafficstatus.core.notice.NoticeChange;
import dev.trafficstatus.core.notice.NoticeService;
import dev.trafficstatus.server.api.NoticeBodies.CloseBody;
import dev.trafficstatus.spi.notice.Notice;
import dev.trafficstatus.spi.notice.NoticeKind;
import dev.trafficstatus.spi.notice.NoticeStatus;
import dev.trafficstatus.spi.page.StatusPage;
import dev.trafficstatus.spi.store.NoticeStore;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the incident and the maintenance API do alike: list, find by kind, change, close and delete,
 * every write through {@link NoticeService}, each followed by the page reading again so it shows
 * the change at once.
 */
final class NoticeOperations {

  private static final Logger LOG = LoggerFactory.getLogger(NoticeOperations.class);

  private final NoticeService notices;
  private final NoticeStore store;
  private final NoticeAnswers answers;
  private final Runnable onChange;
  private final Clock clock;

  /**
   * @param notices the one writer of notices
   * @param store where notices are read from
   * @param answers how answers are written
   * @param onChange called after every change, so the page shows it at once
   * @param clock what "now" is
   */
  NoticeOperations(
      NoticeService notices, NoticeStore store, NoticeAnswers answers, Runnable onChange, Clock clock) {
    this.notices = Objects.requireNonNull(notices, "notices");
    this.store = Objects.requireNonNull(store, "store");
    this.answers = Objects.requireNonNull(answers, "answers");
    this.onChange = Objects.requireNonNull(onChange, "onChange");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  NoticeService service() {
    return notices;
  }

  NoticeAnswers answers() {
    return answers;
  }

  Instant now() {
    return clock.instant();
  }

  /** Open notices of a kind and those closed within the page's past-notice days, newest first. */
  Response list(NoticeKind kind, String envelope, UriInfo uri) {
    List<Notice> recent = store
        .current(clock.instant().minus(Duration.ofDays(StatusPage.PAST_NOTICE_DAYS)))
        .stream()
        .filter(notice -> notice.kind() == kind)
        .toList();
    return answers.list(envelope, recent, uri);
  }

  /** A notice of the kind, or a 404. */
  Notice find(String id, NoticeKind kind) throws ApiRejection {
    NoticeAnswers.id(id, name(kind));
    return notices.find(id)
        .filter(notice -> notice.kind() == kind)
        .orElseThrow(() -> NoticeAnswers.notFound(name(kind)));
  }

  /** Applies a change to a notice of the kind and answers the notice as it is now. */
  Response change(String id, NoticeKind kind, NoticeChange change, UriInfo uri, String what)
      throws ApiRejection {
    Notice changed = notices.change(id, change).orElseThrow(() -> NoticeAnswers.notFound(name(kind)));
    changed(what, changed);
    return answers.notice(Response.Status.OK, changed, uri);
  }

  /** Closes an open notice of the kind with an update. */
  Response close(String id, NoticeKind kind, NoticeStatus status, CloseBody request, String standard,
      UriInfo uri, String what) throws ApiRejection {
    Notice notice = find(id, kind);
    if (!notice.isOpen()) {
      throw new ApiRejection(Response.Status.CONFLICT, "The " + name(kind) + " is already "
          + notice.status().wireName() + "; POST " + "updates to add to its timeline");
    }
    String body = request.body() == null ? standard : request.body();
    return change(id, kind, NoticeChange.update(status, body, List.of(), false), uri, what);
  }

  /** Deletes a notice of the kind. */
  Response delete(String id, NoticeKind kind) throws ApiRejection {
    find(id, kind);
    if (!notices.delete(id)) {
      throw NoticeAnswers.notFound(name(kind));
    }
    LOG.info("Traffic Status API deleted {} {}", name(kind), id);
    onChange.run();
    String word = name(kind);
    return ApiResponses.ok(Map.of("message",
        word.substring(0, 1).toUpperCase(Locale.ROOT) + word.substring(1) + " deleted"));
  }

  /** Logs a change and lets the page show it. */
  void changed(String what, Notice notice) {
    LOG.info("Traffic Status API {} {} {}", what, name(notice.kind()), notice.id());
    onChange.run();
  }

  static String name(NoticeKind kind) {
    return switch (kind) {
      case INCIDENT -> "incident";
      case MAINTENANCE -> "maintenance";
    };
  }
}
