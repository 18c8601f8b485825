package dev.trafficstatus.spi.store;

/**
 * What one maintenance run did.
 *
 * @param ran false when another process held the maintenance lock and nothing was done here
 * @param daysRolledUp how many (day) rollups were (re)computed
 * @param minuteRowsDeleted minute rows deleted past retention
 * @param dayRowsDeleted day rows deleted past retention
 */
public record MaintenanceReport(
    boolean ran, int daysRolledUp, long minuteRowsDeleted, long dayRowsDeleted) {

  /** Checks the counts are not negative. */
  public MaintenanceReport {
    if (daysRolledUp < 0 || minuteRowsDeleted < 0 || dayRowsDeleted < 0) {
      throw new IllegalArgumentException("counts must not be negative");
    }
  }

  /**
   * The report of a run that found the lock taken by another process.
   *
   * @return a report with {@code ran} false
   */
  public static MaintenanceReport skipped() {
    return new MaintenanceReport(false, 0, 0, 0);
  }
}
