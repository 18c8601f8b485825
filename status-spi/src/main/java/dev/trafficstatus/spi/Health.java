package dev.trafficstatus.spi;

/**
 * The state of a route, a day or the whole page, from best to worst; then "no data" and "under
 * maintenance", which are neither good nor bad. Renderers switch over every state: new ones are
 * added only at the end.
 */
public enum Health {
  /** Failures within the operational threshold. */
  OPERATIONAL("Operational"),
  /** More failures than operational allows, fewer than a partial outage. */
  DEGRADED("Degraded"),
  /** Many failures. */
  PARTIAL_OUTAGE("Partial outage"),
  /** Mostly failures. */
  MAJOR_OUTAGE("Major outage"),
  /** Fewer requests than the minimum needed for a verdict: neither good nor bad. */
  NO_DATA("No data"),
  /**
   * Inside a planned maintenance window: a route's requests there count neither way (shown apart
   * as "during maintenance"); a day whose requests outside the window are too few for a verdict;
   * the page when a maintenance is in progress and nothing is worse.
   */
  MAINTENANCE("Under maintenance");

  private final String label;

  Health(String label) {
    this.label = label;
  }

  /**
   * A short label for people, such as "Partial outage".
   *
   * @return the label
   */
  public String label() {
    return label;
  }

  /**
   * Whether a verdict was reached.
   *
   * @return false for {@link #NO_DATA} only
   */
  public boolean hasData() {
    return this != NO_DATA;
  }
}
