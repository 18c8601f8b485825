package dev.trafficstatus.spi.notice;

import java.util.Locale;

/** How much a notice affects the service, in Statuspage's words; worst last but maintenance. */
public enum Impact {
  /** Nothing people would notice. */
  NONE,
  /** Some people notice: slow or partly failing. */
  MINOR,
  /** Many people notice: a partial outage. */
  MAJOR,
  /** Everyone notices: a major outage. */
  CRITICAL,
  /** Planned work. */
  MAINTENANCE;

  /**
   * The impact in one English word for people, such as "Critical": what mails and chat messages
   * say. A page in another language words it itself.
   *
   * @return the word, capitalised
   */
  public String label() {
    String name = wireName();
    return Character.toUpperCase(name.charAt(0)) + name.substring(1);
  }

  /**
   * The impact as Statuspage's API spells it, such as {@code critical}.
   *
   * @return the lower-case name
   */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
