package dev.trafficstatus.spi.store;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Objects;

/**
 * Versions of the figures of hours, as {@link StatusStore#hourVersions} gives them: what lets a
 * reader keep the sums of ranges of closed minutes between reads of {@link
 * StatusStore#readBetween} and read again only the ranges whose hours changed.
 *
 * <p>An hour with a version has figures that change only together with that version: every range
 * of {@code readBetween} inside it, and every range that holds it, reads the same while it does.
 * An hour without one (left out of {@link #versions()}) may change at any moment without notice.
 * So when two answers, taken one after the other, give every hour of a range the same version, the
 * range read after the first answer still reads the same at the second.
 *
 * @param versions per hour (its first instant, a whole UTC hour), the version of each hour that
 *     has one; a version has no meaning beyond being equal or not to another version of the same
 *     hour
 */
public record HourVersions(Map<Instant, Long> versions) {

  /** Versions of no hour: every hour may have changed. */
  public static final HourVersions NONE = new HourVersions(Map.of());

  /** Copies the map, which must have no null keys or values. */
  public HourVersions {
    versions = Map.copyOf(Objects.requireNonNull(versions, "versions"));
  }

  /**
   * Whether an hour's figures are the same as when {@code earlier} was taken: both give it a
   * version, and the same one. Call it on the later answer.
   *
   * @param hour the hour, a whole UTC hour
   * @param earlier an answer taken before this one
   * @return true when ranges of the hour read after {@code earlier} still read the same
   */
  public boolean unchangedSince(HourVersions earlier, Instant hour) {
    Long now = versions.get(hour);
    return now != null && now.equals(earlier.versions.get(hour));
  }

  /**
   * Whether the figures of every hour that {@code [from, to)} touches are the same as when {@code
   * earlier} was taken.
   *
   * @param earlier an answer taken before this one
   * @param from the start of the range, inclusive
   * @param to its end, exclusive
   * @return true when the range read after {@code earlier} still reads the same
   */
  public boolean unchangedSince(HourVersions earlier, Instant from, Instant to) {
    for (Instant hour = from.truncatedTo(ChronoUnit.HOURS); hour.isBefore(to); hour = hour.plus(1, ChronoUnit.HOURS)) {
      if (!unchangedSince(earlier, hour)) {
        return false;
      }
    }
    return true;
  }
}
