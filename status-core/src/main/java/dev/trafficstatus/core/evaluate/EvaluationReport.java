package dev.trafficstatus.core.evaluate;

/**
 * What one evaluation did.
 *
 * @param ran false when another process held the duty, or the store keeps no notices
 * @param incidentsOpened automatic incidents opened
 * @param incidentsUpdated automatic updates added about routes' states
 * @param incidentsResolved incidents resolved on their own
 * @param maintenancesAnnounced recurring windows announced ahead
 * @param maintenancesStarted maintenances whose window began
 * @param maintenancesCompleted maintenances whose window ended (or that were no longer configured)
 * @param windowTallies route-days of maintenance windows recorded
 * @param objectiveIncidentsOpened incidents opened by objectives' burn-rate alerts
 * @param objectiveIncidentsResolved objectives' incidents resolved once their burn cleared
 * @param objectiveEvents {@code objective.burning} events written for notify-only alerts
 * @param routeStateEvents {@code route.state_changed} events written
 */
public record EvaluationReport(
    boolean ran,
    int incidentsOpened,
    int incidentsUpdated,
    int incidentsResolved,
    int maintenancesAnnounced,
    int maintenancesStarted,
    int maintenancesCompleted,
    int windowTallies,
    int objectiveIncidentsOpened,
    int objectiveIncidentsResolved,
    int objectiveEvents,
    int routeStateEvents) {

  /**
   * An evaluation that did not run.
   *
   * @return the report
   */
  public static EvaluationReport skipped() {
    return new EvaluationReport(false, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
  }

  /**
   * Whether a notice changed: worth a line in the log.
   *
   * @return true when anything but window tallies changed
   */
  public boolean changedNotices() {
    return incidentsOpened + incidentsUpdated + incidentsResolved + maintenancesAnnounced
        + maintenancesStarted + maintenancesCompleted + objectiveIncidentsOpened
        + objectiveIncidentsResolved > 0;
  }

  /** Counts what a run does, on the evaluator's thread only. */
  static final class Builder {
    int incidentsOpened;
    int incidentsUpdated;
    int incidentsResolved;
    int maintenancesAnnounced;
    int maintenancesStarted;
    int maintenancesCompleted;
    int windowTallies;
    int objectiveIncidentsOpened;
    int objectiveIncidentsResolved;
    int objectiveEvents;
    int routeStateEvents;

    EvaluationReport build() {
      return new EvaluationReport(
          true, incidentsOpened, incidentsUpdated, incidentsResolved, maintenancesAnnounced,
          maintenancesStarted, maintenancesCompleted, windowTallies, objectiveIncidentsOpened,
          objectiveIncidentsResolved, objectiveEvents, routeStateEvents);
    }
  }
}
