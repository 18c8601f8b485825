package dev.trafficstatus.spi.page;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What the host asks of one render of the status page beyond its model.
 *
 * @param locale the language to write, one of {@link PageRenderer#locales()}
 * @param firstFiguresAt present while a new server has written no figures yet: when its first
 *     flush will have written them, so the page says so ("First figures at 09:47 UTC") and reloads
 *     itself then instead of only saying "No Data Yet"
 */
public record RenderOptions(Locale locale, Optional<Instant> firstFiguresAt) {

  /** Checks both are present. */
  public RenderOptions {
    Objects.requireNonNull(locale, "locale");
    Objects.requireNonNull(firstFiguresAt, "firstFiguresAt");
  }

  /**
   * A render in a language, with figures.
   *
   * @param locale the language
   * @return the options
   */
  public static RenderOptions in(Locale locale) {
    return new RenderOptions(locale, Optional.empty());
  }
}
