package dev.trafficstatus.core.evaluate;

import dev.trafficstatus.spi.Health;
import java.util.Locale;

/** The least state of a route that opens an automatic incident. */
public enum OpenOn {
  /** Degraded or worse. */
  DEGRADED,
  /** A partial or a major outage (the default). */
  PARTIAL_OUTAGE,
  /** A major outage only. */
  MAJOR_OUTAGE,
  /** Nothing: the routes it applies to never open an incident. */
  NEVER;

  /**
   * Whether a state is failing by this threshold: it opens an incident, or keeps one in trouble.
   *
   * @param state a route's state; no data and maintenance are never failing
   * @return true when the state is at or beyond the threshold
   */
  public boolean failing(Health state) {
    int severity =
        switch (state) {
          case DEGRADED -> 1;
          case PARTIAL_OUTAGE -> 2;
          case MAJOR_OUTAGE -> 3;
          case OPERATIONAL, NO_DATA, MAINTENANCE -> 0;
        };
    return switch (this) {
      case DEGRADED -> severity >= 1;
      case PARTIAL_OUTAGE -> severity >= 2;
      case MAJOR_OUTAGE -> severity >= 3;
      case NEVER -> false;
    };
  }

  /**
   * The threshold as configuration spells it, such as {@code partial_outage}.
   *
   * @return the lower-case name
   */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
