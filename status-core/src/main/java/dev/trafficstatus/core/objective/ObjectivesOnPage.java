package dev.trafficstatus.core.objective;

import dev.trafficstatus.core.status.MaintenanceSpans;
import dev.trafficstatus.core.status.ObjectiveSource;
import dev.trafficstatus.spi.notice.Notice;
import dev.trafficstatus.spi.page.ObjectiveStatus;
import dev.trafficstatus.spi.store.DayBucket;
import dev.trafficstatus.spi.store.StatusStore;
import dev.trafficstatus.spi.store.WindowTally;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * The objectives as the page shows them, evaluated with each read of the page's figures (on its
 * refresher thread): the evaluation's reads, plus the day tallies of the longest window once for
 * the sparklines. A pair's alert state follows the evaluator's: an incident pair fires while the
 * objective's incident is open (and by its windows otherwise); a notify pair by its windows alone.
 * A store that cannot sum time ranges shows no objectives.
 */
public final class ObjectivesOnPage implements ObjectiveSource {

  private final StatusStore store;
  private final ObjectiveSettings settings;
  private final ObjectiveEvaluation evaluation;

  /**
   * @param store where the figures are
   * @param settings the objectives
   * @param minimumRequests counted requests a burn window needs for a verdict
   */
  public ObjectivesOnPage(StatusStore store, ObjectiveSettings settings, long minimumRequests) {
    this.store = Objects.requireNonNull(store, "store");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.evaluation = new ObjectiveEvaluation(store, settings, minimumRequests);
  }

  @Override
  public List<ObjectiveStatus> read(Instant now, List<Notice> notices) {
    if (settings.objectives().isEmpty()) {
      return List.of();
    }
    Set<String> open = new HashSet<>();
    for (Notice notice : notices) {
      if (notice.isOpen() && ObjectiveAlerts.isObjectiveIncident(notice)) {
        open.add(notice.name().substring(ObjectiveAlerts.TITLE_PREFIX.length()));
      }
    }
    List<ObjectiveReading> readings;
    try {
      readings = evaluation.evaluate(now, MaintenanceSpans.of(notices),
          (key, pair) -> pair.action() == AlertAction.INCIDENT && open.contains(key));
    } catch (UnsupportedOperationException noRanges) {
      return List.of();
    }
    LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
    long longest = settings.objectives().stream().mapToLong(o -> o.window().toDays()).max().orElseThrow();
    LocalDate first = today.minusDays(longest);
    List<DayBucket> days = store.readDays(first, today);
    List<WindowTally> held = store.notices().map(kept -> kept.windowTallies(first, today)).orElse(List.of());
    BudgetHistory history = new BudgetHistory(days, held);
    List<ObjectiveStatus> shown = new ArrayList<>();
    for (ObjectiveReading reading : readings) {
      Objective objective = reading.objective();
      Budget budget = reading.budget();
      shown.add(new ObjectiveStatus(
          objective.name(),
          reading.indicator().name().toLowerCase(Locale.ROOT),
          budget.target().doubleValue(),
          reading.indicator() == Indicator.LATENCY ? objective.latency().threshold() : null,
          (int) objective.window().toDays(),
          reading.routes(),
          budget.attainmentPercent().orElse(null),
          budget.allowed(),
          budget.spent(),
          budget.remainingPercent().orElse(null),
          reading.currentBurn().measured() ? reading.currentBurn().value() : null,
          reading.exhaustion().orElse(null),
          reading.pairs().stream().anyMatch(pair -> pair.state() == AlertState.FIRING),
          history.remaining(reading, today.minusDays(objective.window().toDays()), today)));
    }
    return shown;
  }
}
