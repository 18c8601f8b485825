package dev.trafficstatus.testkit;

import static dev.trafficstatus.testkit.StoreTestData.HOME;
import static dev.trafficstatus.testkit.StoreTestData.ITEM;

import dev.trafficstatus.spi.RouteKey;
import dev.trafficstatus.spi.notice.Impact;
import dev.trafficstatus.spi.notice.Notice;
import dev.trafficstatus.spi.notice.NoticeKind;
import dev.trafficstatus.spi.notice.NoticeStatus;
import dev.trafficstatus.spi.notice.NoticeUpdate;
import dev.trafficstatus.spi.notice.RouteState;
import dev.trafficstatus.spi.notice.StateChange;
import dev.trafficstatus.spi.Health;
import dev.trafficstatus.spi.store.EventType;
import dev.trafficstatus.spi.store.NoticeStore;
import dev.trafficstatus.spi.store.OutboxEvent;
import dev.trafficstatus.spi.store.StatusStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Notices and outbox events for the store contract's tests, and for a store plugin's own: an open
 * incident with a timeline, a maintenance, and the changes a save makes to them (an update at the
 * head of the timeline, a resolution), each keeping the version it was read at.
 */
public final class NoticeTestData {

  /** A route no store in the tests declares: notices may name routes the store does not know. */
  public static final RouteKey GONE = new RouteKey("shop", "/gone/{id}");

  private NoticeTestData() {}

  /**
   * The store's notices.
   *
   * @param store a started store
   * @return its notice store
   */
  public static NoticeStore notices(StatusStore store) {
    return store
        .notices()
        .orElseThrow(() -> new AssertionError(store.describe() + " offers no notices"));
  }

  /**
   * An id of the form notices, updates and events have: the prefix, zero-padded with the number.
   *
   * @param prefix up to 11 lower-case letters or digits
   * @param number a number
   * @return 12 lower-case base-36 characters
   */
  public static String id(String prefix, int number) {
    String digits = Integer.toString(number, 36);
    return prefix + "0".repeat(12 - prefix.length() - digits.length()) + digits;
  }

  /**
   * A new open incident (version 0): investigating, a major impact on {@link StoreTestData#HOME}
   * and on {@link #GONE}, opened by the traffic, with one automatic update reporting both routes'
   * state changes.
   *
   * @param id its id
   * @param startedAt when the trouble began; created a minute later
   * @return the incident
   */
  public static Notice incident(String id, Instant startedAt) {
    Instant createdAt = startedAt.plus(Duration.ofMinutes(1));
    NoticeUpdate first =
        new NoticeUpdate(
            id("u" + id.substring(6), 1),
            NoticeStatus.INVESTIGATING,
            "Errors on the home page.\nLooking into it.",
            createdAt,
            createdAt,
            true,
            List.of(
                new StateChange(HOME, Health.OPERATIONAL, Health.PARTIAL_OUTAGE),
                new StateChange(GONE, Health.OPERATIONAL, Health.MAJOR_OUTAGE)));
    return new Notice(
        id,
        NoticeKind.INCIDENT,
        "Home page errors",
        NoticeStatus.INVESTIGATING,
        Impact.MAJOR,
        true,
        false,
        createdAt,
        startedAt,
        createdAt,
        null,
        null,
        null,
        null,
        List.of(
            new RouteState(HOME, Health.PARTIAL_OUTAGE), new RouteState(GONE, Health.MAJOR_OUTAGE)),
        List.of(first),
        0);
  }

  /**
   * A new scheduled maintenance (version 0) of {@link StoreTestData#ITEM}, announced a day ahead.
   *
   * @param id its id
   * @param from the window's start
   * @param until the window's end
   * @return the maintenance
   */
  public static Notice maintenance(String id, Instant from, Instant until) {
    Instant createdAt = from.minus(Duration.ofDays(1));
    NoticeUpdate first =
        new NoticeUpdate(
            id("u" + id.substring(6), 1),
            NoticeStatus.SCHEDULED,
            "Database upgrade; items may be slow.",
            createdAt,
            createdAt,
            false,
            List.of());
    return new Notice(
        id,
        NoticeKind.MAINTENANCE,
        "Database upgrade",
        NoticeStatus.SCHEDULED,
        Impact.MAINTENANCE,
        false,
        true,
        createdAt,
        from,
        createdAt,
        null,
        null,
        from,
        until,
        List.of(new RouteState(ITEM, Health.OPERATIONAL)),
        List.of(first),
        0);
  }

  /**
   * The notice with a person's update at the head of its timeline, at the same version.
   *
   * @param notice the notice as read
   * @param status its status with the update
   * @param at when the update is written
   * @param body what it says
   * @return the changed notice
   */
  public static Notice updated(Notice notice, NoticeStatus status, Instant at, String body) {
    List<NoticeUpdate> updates = new ArrayList<>();
    updates.add(
        new NoticeUpdate(
            id("u" + notice.id().substring(6), notice.updates().size() + 1),
            status,
            body,
            at,
            at,
            false,
            List.of()));
    updates.addAll(notice.updates());
    return new Notice(
        notice.id(),
        notice.kind(),
        notice.name(),
        status,
        notice.impact(),
        notice.automatic(),
        true,
        notice.createdAt(),
        notice.startedAt(),
        at,
        status == NoticeStatus.MONITORING ? at : notice.monitoringAt(),
        status.isOpen() ? null : at,
        notice.scheduledFor(),
        notice.scheduledUntil(),
        notice.affected(),
        updates,
        notice.version());
  }

  /**
   * The notice closed (an incident resolved, a maintenance completed) at a moment, at the same
   * version.
   *
   * @param notice the notice as read
   * @param at when it closes
   * @return the closed notice
   */
  public static Notice closed(Notice notice, Instant at) {
    NoticeStatus status =
        notice.kind() == NoticeKind.INCIDENT ? NoticeStatus.RESOLVED : NoticeStatus.COMPLETED;
    return updated(notice, status, at, "All good again.");
  }

  /**
   * The notice with another name and affected routes, at the same version.
   *
   * @param notice the notice as read
   * @param name the new name
   * @param affected the new affected routes
   * @return the changed notice
   */
  public static Notice changed(Notice notice, String name, List<RouteState> affected) {
    return new Notice(
        notice.id(),
        notice.kind(),
        name,
        notice.status(),
        notice.impact(),
        notice.automatic(),
        notice.handledByPerson(),
        notice.createdAt(),
        notice.startedAt(),
        notice.updatedAt(),
        notice.monitoringAt(),
        notice.resolvedAt(),
        notice.scheduledFor(),
        notice.scheduledUntil(),
        affected,
        notice.updates(),
        notice.version());
  }

  /**
   * The notice as read at another version.
   *
   * @param notice the notice
   * @param version the version
   * @return the notice at that version
   */
  public static Notice atVersion(Notice notice, long version) {
    return new Notice(
        notice.id(),
        notice.kind(),
        notice.name(),
        notice.status(),
        notice.impact(),
        notice.automatic(),
        notice.handledByPerson(),
        notice.createdAt(),
        notice.startedAt(),
        notice.updatedAt(),
        notice.monitoringAt(),
        notice.resolvedAt(),
        notice.scheduledFor(),
        notice.scheduledUntil(),
        notice.affected(),
        notice.updates(),
        version);
  }

  /**
   * An event about a notice, with a small JSON payload naming it.
   *
   * @param id the event's id
   * @param type what happened
   * @param noticeId the notice, or null
   * @param at when it happened
   * @return the event
   */
  public static OutboxEvent event(String id, EventType type, String noticeId, Instant at) {
    return new OutboxEvent(
        id, type, noticeId, at, "{\"event\":\"" + id + "\",\"type\":\"" + type.wireName() + "\"}");
  }
}
