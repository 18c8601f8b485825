package dev.trafficstatus.views.mustache;

import java.util.List;
import java.util.Objects;

/**
 * An incident or maintenance as the templates show it, every text already worded. All strings are
 * plain text; the templates escape them.
 *
 * @param name the notice's name
 * @param href its own page
 * @param kind {@code incident} or {@code maintenance}, a CSS class suffix
 * @param impact the impact's CSS token: {@code none}, {@code minor}, {@code major},
 *     {@code critical} or {@code maintenance}
 * @param impactLabel the impact in words, such as "Major incident"; never colour alone
 * @param statusLabel where it stands, such as "Investigating"
 * @param open whether it is still open
 * @param when its times in words, such as "Began 2025-06-30 13:02 UTC · resolved 14:12 UTC ·
 *     lasted 1 h 10 min"
 * @param affectedText the routes it affects, such as "Affects Checkout and 2 other routes"
 * @param affected the named affected routes with their states (for the notice's own page)
 * @param updates the timeline, newest first; may be cut to the latest on summary views
 * @param latest the newest update, or null when there is none
 */
record NoticeView(
    String name,
    String href,
    String kind,
    String impact,
    String impactLabel,
    String statusLabel,
    boolean open,
    String when,
    String affectedText,
    List<AffectedRoute> affected,
    List<UpdateView> updates,
    UpdateView latest) {

  NoticeView {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(href, "href");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(impact, "impact");
    Objects.requireNonNull(impactLabel, "impactLabel");
    Objects.requireNonNull(statusLabel, "statusLabel");
    Objects.requireNonNull(when, "when");
    Objects.requireNonNull(affectedText, "affectedText");
    affected = List.copyOf(affected);
    updates = List.copyOf(updates);
  }

  /** Whether any affected route is named. */
  boolean hasAffected() {
    return !affected.isEmpty();
  }

  /**
   * A named route the notice affects.
   *
   * @param name its display name
   * @param state its state as the notice last said, in words
   * @param token that state's CSS token
   */
  record AffectedRoute(String name, String state, String token) {

    AffectedRoute {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(state, "state");
      Objects.requireNonNull(token, "token");
    }
  }

  /**
   * One entry of the timeline.
   *
   * @param statusLabel the status it reported, such as "Identified"
   * @param body the body as text and link runs
   * @param clipped whether the body was cut short here (the notice's own page shows it whole)
   * @param timeIso when it is dated, ISO-8601 in UTC, for {@code <time datetime>}
   * @param timeText the same moment in the page's zone, for people
   * @param source who wrote it, such as "Posted automatically from the traffic"; empty for people
   * @param changes the route states it reported as changed, such as "Checkout: Operational →
   *     Partial outage"
   */
  record UpdateView(
      String statusLabel,
      List<Run> body,
      boolean clipped,
      String timeIso,
      String timeText,
      String source,
      List<String> changes) {

    UpdateView {
      Objects.requireNonNull(statusLabel, "statusLabel");
      body = List.copyOf(body);
      Objects.requireNonNull(timeIso, "timeIso");
      Objects.requireNonNull(timeText, "timeText");
      Objects.requireNonNull(source, "source");
      changes = List.copyOf(changes);
    }

    /** Whether there is a body to show. */
    boolean hasBody() {
      return !body.isEmpty();
    }

    /** Whether a person should be told who wrote it. */
    boolean hasSource() {
      return !source.isEmpty();
    }
  }

  /**
   * A piece of a body: text, or a link whose text is its address.
   *
   * @param text the text
   * @param link whether it is a link
   */
  record Run(String text, boolean link) {

    Run {
      Objects.requireNonNull(text, "text");
    }
  }
}
