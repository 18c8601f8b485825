package dev.trafficstatus.spi.notice;

/** What a notice is. */
public enum NoticeKind {
  /** Something went wrong: opened by the traffic or by a person. */
  INCIDENT,
  /** Planned work, announced ahead, with a window. */
  MAINTENANCE
}
