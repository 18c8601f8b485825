package dev.trafficstatus.spi.notice;

import dev.trafficstatus.spi.PlainText;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One entry of a notice's timeline.
 *
 * @param id the update's id: 12 lower-case base-36 characters, unique
 * @param status the notice's status with this update
 * @param body what people are told: plain text of at most {@value #MAX_BODY_LENGTH} characters,
 *     line breaks allowed; pages escape it and turn bare {@code https://} URLs into links
 * @param createdAt when it was written
 * @param displayAt the time shown with it (as written, or back-dated by the person who wrote it)
 * @param automatic whether the evaluator wrote it (from the traffic), not a person
 * @param changes the affected routes whose state it reports as changed; may be empty
 */
public record NoticeUpdate(
    String id,
    NoticeStatus status,
    String body,
    Instant createdAt,
    Instant displayAt,
    boolean automatic,
    List<StateChange> changes) {

  /** The longest body, in characters (Unicode code points). */
  public static final int MAX_BODY_LENGTH = 10_000;

  /** Checks every part is present and the body is acceptable text. */
  public NoticeUpdate {
    Notice.checkId(id);
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(displayAt, "displayAt");
    PlainText.checkBlock("body", body, MAX_BODY_LENGTH);
    changes = List.copyOf(changes);
  }
}
