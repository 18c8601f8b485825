package dev.trafficstatus.core.evaluate;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When a recurring maintenance window runs: on some days of the week, from a start to an end time,
 * always in UTC (so a change of daylight saving time never moves it). Written as {@code SUN
 * 02:00-03:00}, {@code every Sunday 02:00-03:00 UTC}, {@code MON-FRI 12:00-12:15}, {@code sat,sun
 * 23:30-00:30} (an end before the start is on the next day) or {@code daily 04:00-04:10}.
 *
 * @param days the days of the week a window starts on
 * @param start when it starts, UTC
 * @param length how long it lasts: more than nothing, at most a day
 * @param text the rule as written
 */
public record WindowRule(Set<DayOfWeek> days, LocalTime start, Duration length, String text) {

  private static final Pattern TIMES =
      Pattern.compile("(\\d{1,2}):(\\d{2})-(\\d{1,2}):(\\d{2})");

  private static final Map<String, DayOfWeek> NAMES =
      Map.ofEntries(
          Map.entry("mon", DayOfWeek.MONDAY), Map.entry("monday", DayOfWeek.MONDAY),
          Map.entry("tue", DayOfWeek.TUESDAY), Map.entry("tues", DayOfWeek.TUESDAY),
          Map.entry("tuesday", DayOfWeek.TUESDAY),
          Map.entry("wed", DayOfWeek.WEDNESDAY), Map.entry("wednesday", DayOfWeek.WEDNESDAY),
          Map.entry("thu", DayOfWeek.THURSDAY), Map.entry("thur", DayOfWeek.THURSDAY),
          Map.entry("thurs", DayOfWeek.THURSDAY), Map.entry("thursday", DayOfWeek.THURSDAY),
          Map.entry("fri", DayOfWeek.FRIDAY), Map.entry("friday", DayOfWeek.FRIDAY),
          Map.entry("sat", DayOfWeek.SATURDAY), Map.entry("saturday", DayOfWeek.SATURDAY),
          Map.entry("sun", DayOfWeek.SUNDAY), Map.entry("sunday", DayOfWeek.SUNDAY));

  /**
   * One run of the window.
   *
   * @param start its start
   * @param end its end, after the start
   */
  public record Occurrence(Instant start, Instant end) {

    /** Checks the occurrence ends after it starts. */
    public Occurrence {
      Objects.requireNonNull(start, "start");
      Objects.requireNonNull(end, "end");
      if (!end.isAfter(start)) {
        throw new IllegalArgumentException("an occurrence ends after it starts");
      }
    }
  }

  /** Checks the parts. */
  public WindowRule {
    days = Set.copyOf(days);
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(length, "length");
    Objects.requireNonNull(text, "text");
    if (days.isEmpty()) {
      throw new IllegalArgumentException("a window runs on at least one day");
    }
    if (length.isNegative() || length.isZero() || length.compareTo(Duration.ofDays(1)) > 0) {
      throw new IllegalArgumentException("a window lasts more than nothing and at most a day");
    }
  }

  /**
   * Reads a rule.
   *
   * @param text the rule, such as {@code SUN 02:00-03:00}
   * @return the rule
   * @throws IllegalArgumentException saying what is wrong
   */
  public static WindowRule parse(String text) {
    Objects.requireNonNull(text, "text");
    String normal =
        text.strip().toLowerCase(Locale.ROOT)
            .replace('\u2013', '-').replace('\u2014', '-')
            .replaceAll("\\s*-\\s*", "-")
            .replaceAll("\\s*,\\s*", ",");
    List<String> tokens = new ArrayList<>(List.of(normal.split("\\s+")));
    if (!tokens.isEmpty() && tokens.get(0).equals("every")) {
      tokens.remove(0);
    }
    if (!tokens.isEmpty() && tokens.get(tokens.size() - 1).equals("utc")) {
      tokens.remove(tokens.size() - 1);
    }
    if (tokens.size() == 1) {
      tokens.add(0, "daily");
    }
    if (tokens.size() != 2 || tokens.get(0).isEmpty()) {
      throw refused(text, "write the days, then the start and end times in UTC");
    }
    Set<DayOfWeek> days = days(text, tokens.get(0));
    Matcher times = TIMES.matcher(tokens.get(1));
    if (!times.matches()) {
      throw refused(text, "the times are HH:MM-HH:MM, in UTC (write no other time zone)");
    }
    int startMinute = minuteOfDay(text, times.group(1), times.group(2), false);
    int endMinute = minuteOfDay(text, times.group(3), times.group(4), true);
    if (startMinute == endMinute || (startMinute == 0 && endMinute == 24 * 60)) {
      if (startMinute == 0 && endMinute == 24 * 60) {
        return new WindowRule(days, LocalTime.MIDNIGHT, Duration.ofDays(1), text.strip());
      }
      throw refused(text, "a window must end after it starts");
    }
    int length = Math.floorMod(endMinute - startMinute, 24 * 60);
    return new WindowRule(
        days, LocalTime.ofSecondOfDay(startMinute * 60L), Duration.ofMinutes(length), text.strip());
  }

  private static Set<DayOfWeek> days(String text, String token) {
    if (token.equals("daily") || token.equals("day") || token.equals("*") || token.equals("everyday")) {
      return EnumSet.allOf(DayOfWeek.class);
    }
    Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
    for (String item : token.split(",")) {
      String[] range = item.split("-", -1);
      if (range.length > 2) {
        throw refused(text, "a range of days is two days, such as MON-FRI");
      }
      DayOfWeek first = day(text, range[0]);
      DayOfWeek last = range.length == 2 ? day(text, range[1]) : first;
      for (DayOfWeek d = first; ; d = d.plus(1)) {
        days.add(d);
        if (d == last) {
          break;
        }
      }
    }
    return days;
  }

  private static DayOfWeek day(String text, String name) {
    DayOfWeek day = NAMES.get(name);
    if (day == null && name.endsWith("s")) {
      day = NAMES.get(name.substring(0, name.length() - 1));
    }
    if (day == null) {
      throw refused(text, "days are MON to SUN (or Monday to Sunday), ranges such as MON-FRI, or daily");
    }
    return day;
  }

  private static int minuteOfDay(String text, String hours, String minutes, boolean end) {
    int h = Integer.parseInt(hours);
    int m = Integer.parseInt(minutes);
    if (m > 59 || h > 24 || (h == 24 && (m != 0 || !end))) {
      throw refused(text, "times run from 00:00 to 23:59 (24:00 only as an end)");
    }
    return h * 60 + m;
  }

  private static IllegalArgumentException refused(String text, String why) {
    return new IllegalArgumentException(
        "must be like 'SUN 02:00-03:00' or 'every Sunday 02:00-03:00 UTC': " + why + "; got '"
            + text.strip() + "'");
  }

  /**
   * The runs of the window that overlap a stretch of time, earliest first.
   *
   * @param from the start, inclusive
   * @param to the end, exclusive
   * @return the runs with some of their time in {@code [from, to)}
   */
  public List<Occurrence> occurrences(Instant from, Instant to) {
    List<Occurrence> runs = new ArrayList<>();
    LocalDate first = LocalDate.ofInstant(from.minus(length), ZoneOffset.UTC);
    LocalDate last = LocalDate.ofInstant(to, ZoneOffset.UTC);
    for (LocalDate date = first; !date.isAfter(last); date = date.plusDays(1)) {
      if (!days.contains(date.getDayOfWeek())) {
        continue;
      }
      Instant begins = date.atTime(start).toInstant(ZoneOffset.UTC);
      Instant ends = begins.plus(length);
      if (ends.isAfter(from) && begins.isBefore(to)) {
        runs.add(new Occurrence(begins, ends));
      }
    }
    return runs;
  }
}
