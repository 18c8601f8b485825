package dev.trafficstatus.core.objective;

import dev.trafficstatus.core.notice.NewIncident;
import dev.trafficstatus.core.notify.JsonStrings;
import dev.trafficstatus.core.notice.NoticeChange;
import dev.trafficstatus.core.notice.NoticeIds;
import dev.trafficstatus.core.notice.NoticeService;
import dev.trafficstatus.core.status.MaintenanceSpans;
import dev.trafficstatus.spi.notice.Impact;
import dev.trafficstatus.spi.notice.Notice;
import dev.trafficstatus.spi.notice.NoticeKind;
import dev.trafficstatus.spi.notice.NoticeStatus;
import dev.trafficstatus.spi.store.EventType;
import dev.trafficstatus.spi.store.OutboxEvent;
import dev.trafficstatus.spi.store.OutboxStore;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Turns the objectives' burn-rate verdicts into incidents and events, from the evaluator (so once
 * across the processes sharing the database).
 *
 * <ul>
 *   <li>A firing {@link AlertAction#INCIDENT} pair opens one automatic incident per objective and
 *       indicator, titled {@value #TITLE_PREFIX}{@code <objective> (<indicator>)}, naming the burn.
 *       The open incident is the pair's memory of having fired: it is resolved once every incident
 *       pair has cleared (with the hysteresis), unless a person wrote to it; it stays open while
 *       there is too little traffic for a verdict.
 *   <li>A {@link AlertAction#NOTIFY} pair that starts firing writes one {@link
 *       EventType#OBJECTIVE_BURNING} event to the outbox, for the notification channels, and opens
 *       nothing public. Its memory is the store's ({@link OutboxStore#firingAlerts}), written with
 *       the event in one transaction, so the next evaluation, in whichever process, knows it fired
 *       (the duty moves between processes from one minute to the next). With a store that keeps no
 *       alert states the memory is this object's: a process that takes over the duty announces a
 *       pair still firing once more.
 * </ul>
 */
public final class ObjectiveAlerts {

  /** How the title of an objective's incident starts. */
  public static final String TITLE_PREFIX = "Error budget burning: ";

  private final ObjectiveEvaluation evaluation;
  private final NoticeService notices;
  private final Optional<OutboxStore> outbox;
  private final boolean openIncidents;
  /** The notify pairs firing, when the store keeps no alert states. */
  private final Set<String> notifyingHere = new HashSet<>();

  /**
   * @param evaluation the objectives' evaluation
   * @param notices the one writer of notices
   * @param outbox where events go, if the store keeps an outbox
   * @param openIncidents whether incident pairs open incidents ({@code incidents.auto.enabled});
   *     when not, they write events like notify pairs
   */
  public ObjectiveAlerts(
      ObjectiveEvaluation evaluation, NoticeService notices, Optional<OutboxStore> outbox, boolean openIncidents) {
    this.evaluation = Objects.requireNonNull(evaluation, "evaluation");
    this.notices = Objects.requireNonNull(notices, "notices");
    this.outbox = Objects.requireNonNull(outbox, "outbox");
    this.openIncidents = openIncidents;
  }

  /** What a pair does here: incident pairs notify when incidents are off. */
  private AlertAction actionOf(BurnPair pair) {
    return openIncidents ? pair.action() : AlertAction.NOTIFY;
  }

  /**
   * Whether an incident is an objective's: the route incidents leave it alone.
   *
   * @param notice a notice
   * @return true for an automatic incident titled by this class
   */
  public static boolean isObjectiveIncident(Notice notice) {
    return notice.kind() == NoticeKind.INCIDENT && notice.automatic() && notice.name().startsWith(TITLE_PREFIX);
  }

  /** What one run did. */
  public record Outcome(int opened, int resolved, int events) {}

  /**
   * One evaluation.
   *
   * @param now the current time
   * @param current the notices read for this run
   * @param spans the maintenance spans
   * @return what was done
   */
  public synchronized Outcome run(Instant now, List<Notice> current, MaintenanceSpans spans) {
    Map<String, Notice> open = new HashMap<>();
    for (Notice notice : current) {
      if (notice.isOpen() && isObjectiveIncident(notice)) {
        open.put(notice.name().substring(TITLE_PREFIX.length()), notice);
      }
    }
    Set<String> notifying = notifying();
    List<ObjectiveReading> readings = evaluation.evaluate(now, spans, (key, pair) -> switch (actionOf(pair)) {
      case INCIDENT -> open.containsKey(key);
      case NOTIFY -> notifying.contains(key + " " + pair.label());
    });
    int opened = 0;
    int resolved = 0;
    Alerts alerts = new Alerts(notifying);
    for (ObjectiveReading reading : readings) {
      Notice incident = open.get(reading.key());
      List<PairReading> firing = openIncidents ? reading.firing(AlertAction.INCIDENT) : List.of();
      if (incident == null && !firing.isEmpty()) {
        notices.open(new NewIncident(TITLE_PREFIX + reading.key(), NoticeStatus.INVESTIGATING, Impact.MINOR,
            burning(reading, firing.get(0)), List.of(), now.minus(firing.get(0).pair().shortWindow()), true));
        opened++;
      } else if (incident != null && openIncidents && !incident.handledByPerson() && cleared(reading)) {
        notices.change(incident.id(), NoticeChange.update(NoticeStatus.RESOLVED, recovered(reading), List.of(), true));
        resolved++;
      }
      notify(reading, now, alerts);
    }
    record(alerts, now);
    return new Outcome(opened, resolved, alerts.events.size());
  }

  /** The notify pairs that started and stopped firing in one run, and their events. */
  private record Alerts(Set<String> firing, Set<String> started, Set<String> stopped, List<OutboxEvent> events) {
    Alerts(Set<String> firing) {
      this(firing, new HashSet<>(), new HashSet<>(), new ArrayList<>());
    }
  }

  /** The notify pairs firing: the store's memory, or this object's when the store keeps none. */
  private Set<String> notifying() {
    if (outbox.isPresent()) {
      try {
        return outbox.get().firingAlerts();
      } catch (UnsupportedOperationException keepsNone) {
        // Remembered here.
      }
    }
    return Set.copyOf(notifyingHere);
  }

  private void record(Alerts alerts, Instant now) {
    if (alerts.started().isEmpty() && alerts.stopped().isEmpty()) {
      return;
    }
    if (outbox.isPresent()) {
      try {
        outbox.get().recordAlerts(alerts.started(), alerts.stopped(), now, alerts.events());
        return;
      } catch (UnsupportedOperationException keepsNone) {
        outbox.get().append(alerts.events());
      }
    }
    notifyingHere.removeAll(alerts.stopped());
    notifyingHere.addAll(alerts.started());
  }

  /** Every incident pair gave a clear verdict (none firing, none without data). */
  private static boolean cleared(ObjectiveReading reading) {
    return reading.pairs().stream()
        .filter(p -> p.pair().action() == AlertAction.INCIDENT)
        .allMatch(p -> p.state() == AlertState.CLEAR);
  }

  private void notify(ObjectiveReading reading, Instant now, Alerts alerts) {
    for (PairReading pair : reading.pairs()) {
      if (actionOf(pair.pair()) != AlertAction.NOTIFY) {
        continue;
      }
      String key = reading.key() + " " + pair.pair().label();
      boolean firing = alerts.firing().contains(key);
      if (pair.state() == AlertState.FIRING && !firing && alerts.started().add(key)) {
        Instant minute = now.truncatedTo(ChronoUnit.MINUTES);
        String id = NoticeIds.derived("objective.burning " + key + " " + minute);
        alerts.events().add(new OutboxEvent(id, EventType.OBJECTIVE_BURNING, null, now, payload(reading, pair)));
      } else if (pair.state() == AlertState.CLEAR && firing) {
        alerts.stopped().add(key);
      }
    }
  }

  private static String burning(ObjectiveReading reading, PairReading pair) {
    Objective objective = reading.objective();
    StringBuilder body = new StringBuilder()
        .append("The objective ").append(objective.name()).append(" (")
        .append(indicator(reading)).append(' ').append(percent(reading.budget().target()))
        .append(" over ").append(days(objective.window())).append(") burns its error budget at ")
        .append(rate(pair.longBurn())).append(" over the last ").append(text(pair.pair().longWindow()))
        .append(" and ").append(rate(pair.shortBurn())).append(" over the last ")
        .append(text(pair.pair().shortWindow())).append(" (alert: ").append(pair.pair().label()).append(").");
    reading.budget().remainingPercent().ifPresent(left ->
        body.append(' ').append(String.format(Locale.ROOT, "%.1f %%", left)).append(" of the budget remains"));
    reading.exhaustion().ifPresent(left -> body.append(left.isZero()
        ? "; it is spent." : "; at this rate it is spent in " + text(left) + "."));
    return body.toString();
  }

  private static String recovered(ObjectiveReading reading) {
    return "The error budget of " + reading.objective().name() + " (" + indicator(reading)
        + ") no longer burns fast: " + rate(reading.currentBurn()) + " over the last hour.";
  }

  private static String payload(ObjectiveReading reading, PairReading pair) {
    StringBuilder json = new StringBuilder("{\"event\":\"").append(EventType.OBJECTIVE_BURNING.wireName())
        .append("\",\"objective\":").append(JsonStrings.quote(reading.objective().name()))
        .append(",\"indicator\":").append(JsonStrings.quote(indicator(reading)))
        .append(",\"target\":").append(reading.budget().target().toPlainString())
        .append(",\"pair\":").append(JsonStrings.quote(pair.pair().label()))
        .append(",\"long_burn\":").append(String.format(Locale.ROOT, "%.3f", pair.longBurn().value()))
        .append(",\"short_burn\":").append(String.format(Locale.ROOT, "%.3f", pair.shortBurn().value()));
    reading.budget().remainingPercent().ifPresent(left ->
        json.append(",\"budget_remaining_percent\":").append(String.format(Locale.ROOT, "%.3f", left)));
    return json.append('}').toString();
  }


  private static String indicator(ObjectiveReading reading) {
    return reading.indicator().name().toLowerCase(Locale.ROOT);
  }

  private static String percent(java.math.BigDecimal target) {
    return target.stripTrailingZeros().toPlainString() + " %";
  }

  private static String rate(BurnRate burn) {
    return String.format(Locale.ROOT, "%.1fx", burn.value());
  }

  private static String days(Duration window) {
    return window.toDays() + " days";
  }

  private static String text(Duration duration) {
    long minutes = duration.toMinutes();
    if (minutes >= 2 * 24 * 60) {
      return (minutes / (24 * 60)) + " days";
    }
    if (minutes >= 60) {
      return (minutes / 60) + " h" + (minutes % 60 == 0 ? "" : " " + minutes % 60 + " min");
    }
    return minutes + " min";
  }
}
