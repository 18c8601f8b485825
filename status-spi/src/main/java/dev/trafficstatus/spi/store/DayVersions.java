package dev.trafficstatus.spi.store;

import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;

/**
 * Versions of the figures of days, as {@link StatusStore#dayVersions} gives them: what lets a
 * reader keep the figures of closed days between reads and read again only the days that changed.
 *
 * <p>A day with a version has figures that change only together with that version. A day without
 * one (left out of {@link #versions()}) may change at any moment without notice: today, a day
 * written to since its rollup. So when two answers, taken one after the other, give a day the same
 * version, its figures read by {@link StatusStore#readDays} after the first answer are still its
 * figures at the second.
 *
 * @param versions the version of each day that has one; a version has no meaning beyond being
 *     equal or not to another version of the same day
 */
public record DayVersions(Map<LocalDate, Long> versions) {

  /** Versions of no day: every day may have changed. */
  public static final DayVersions NONE = new DayVersions(Map.of());

  /** Copies the map, which must have no null keys or values. */
  public DayVersions {
    versions = Map.copyOf(Objects.requireNonNull(versions, "versions"));
  }

  /**
   * Whether a day's figures are the same as when {@code earlier} was taken: both give it a
   * version, and the same one. Call it on the later answer.
   *
   * @param day the day
   * @param earlier an answer taken before this one
   * @return true when figures of the day read after {@code earlier} are still current
   */
  public boolean unchangedSince(DayVersions earlier, LocalDate day) {
    Long now = versions.get(day);
    return now != null && now.equals(earlier.versions.get(day));
  }
}
