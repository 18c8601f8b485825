package dev.trafficstatus.spi.notice;

import java.util.Locale;

/**
 * Where a notice stands, in Statuspage's words: an incident goes from investigating to resolved (a
 * postmortem may follow), a maintenance from scheduled to completed.
 */
public enum NoticeStatus {
  /** An incident: looking into it. */
  INVESTIGATING(NoticeKind.INCIDENT, true),
  /** An incident: the cause is known. */
  IDENTIFIED(NoticeKind.INCIDENT, true),
  /** An incident: a fix is out, watching. */
  MONITORING(NoticeKind.INCIDENT, true),
  /** An incident: over. */
  RESOLVED(NoticeKind.INCIDENT, false),
  /** An incident: over, with its postmortem published. */
  POSTMORTEM(NoticeKind.INCIDENT, false),
  /** A maintenance: announced, its window not begun. */
  SCHEDULED(NoticeKind.MAINTENANCE, true),
  /** A maintenance: its window is running. */
  IN_PROGRESS(NoticeKind.MAINTENANCE, true),
  /** A maintenance: the work is done, being checked. */
  VERIFYING(NoticeKind.MAINTENANCE, true),
  /** A maintenance: over (or cancelled before it began). */
  COMPLETED(NoticeKind.MAINTENANCE, false);

  private final NoticeKind kind;
  private final boolean open;

  NoticeStatus(NoticeKind kind, boolean open) {
    this.kind = kind;
    this.open = open;
  }

  /**
   * The kind of notice this status belongs to.
   *
   * @return incident or maintenance
   */
  public NoticeKind kind() {
    return kind;
  }

  /**
   * Whether a notice in this status is still open (shown as current, not yet history).
   *
   * @return false for resolved, postmortem and completed
   */
  public boolean isOpen() {
    return open;
  }

  /**
   * The status in English words for people, such as "In progress": what mails and chat messages
   * say. A page in another language words it itself.
   *
   * @return the words, capitalised
   */
  public String label() {
    String spaced = wireName().replace('_', ' ');
    return Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
  }

  /**
   * The status as Statuspage's API spells it, such as {@code in_progress}.
   *
   * @return the lower-case name
   */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
