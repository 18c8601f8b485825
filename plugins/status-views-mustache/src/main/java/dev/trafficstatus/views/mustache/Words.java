package dev.trafficstatus.views.mustache;

import dev.trafficstatus.spi.Health;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.ResourceBundle;

/**
 * The page's texts in one language, from the message bundles {@code messages*.properties}, with
 * its figures written the way that language writes them. Immutable; one per language, made at
 * start-up.
 *
 * <p>Figures are first written by {@link Figures} in English form ({@code 12,345.5}), which is fast,
 * then have their separators swapped for languages that use a decimal comma: a large page writes
 * tens of thousands of them.
 */
final class Words {

  /** The languages shipped: English first, the default. */
  static final List<Locale> LANGUAGES = List.of(Locale.ENGLISH, Locale.forLanguageTag("es"));

  private static final String BUNDLE = "dev.trafficstatus.views.mustache.messages";

  private static final DateTimeFormatter SPANISH_DAY =
      DateTimeFormatter.ofPattern("EEEE, d 'de' MMMM 'de' uuuu", Locale.forLanguageTag("es"));

  private static final DateTimeFormatter SPANISH_DATE =
      DateTimeFormatter.ofPattern("d 'de' MMMM 'de' uuuu, HH:mm:ss", Locale.forLanguageTag("es"));

  private static final DateTimeFormatter SPANISH_DATE_AND_TIME =
      DateTimeFormatter.ofPattern("d 'de' MMMM 'de' uuuu, HH:mm", Locale.forLanguageTag("es"));

  private static final DateTimeFormatter SPANISH_MONTH =
      DateTimeFormatter.ofPattern("MMMM 'de' uuuu", Locale.forLanguageTag("es"));

  private final Locale locale;

  private final Map<String, String> texts;

  /** English figures and headlines are the model's own; other languages reword them. */
  private final boolean english;

  private Words(Locale locale, Map<String, String> texts, boolean english) {
    this.locale = locale;
    this.texts = Map.copyOf(texts);
    this.english = english;
  }

  /**
   * The texts of a shipped language.
   *
   * @param language one of {@link #LANGUAGES}
   * @return its words
   */
  static Words of(Locale language) {
    Objects.requireNonNull(language, "language");
    // No fallback to the JVM's default locale: English is the base bundle, whatever the machine.
    ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, language, Words.class.getClassLoader(),
        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    Map<String, String> texts = new HashMap<>();
    for (String key : bundle.keySet()) {
      texts.put(key, bundle.getString(key));
    }
    return new Words(language, texts, language.getLanguage().equals("en"));
  }

  /**
   * The language tag for {@code <html lang>}.
   *
   * @return such as {@code es}
   */
  String lang() {
    return locale.toLanguageTag();
  }

  /**
   * Every text, for templates as {@code {{t.key}}}.
   *
   * @return texts by key
   */
  Map<String, String> texts() {
    return texts;
  }

  /**
   * A text.
   *
   * @param key its key in the bundle
   * @return the text
   * @throws IllegalArgumentException when no bundle has it, a packaging mistake
   */
  String text(String key) {
    String text = texts.get(key);
    if (text == null) {
      throw new IllegalArgumentException("no text " + key + " in " + BUNDLE);
    }
    return text;
  }

  /**
   * A text with its blanks filled in.
   *
   * @param key its key
   * @param values what {@code {0}}, {@code {1}}, ... stand for, already worded
   * @return the text
   */
  String format(String key, String... values) {
    String text = text(key);
    // One pass, so a value that itself holds "{1}" (a route's name) is never filled in again.
    StringBuilder out = new StringBuilder(text.length() + 32);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '{' && i + 2 < text.length() && text.charAt(i + 2) == '}'
          && Character.isDigit(text.charAt(i + 1)) && text.charAt(i + 1) - '0' < values.length) {
        out.append(values[text.charAt(i + 1) - '0']);
        i += 2;
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /**
   * A whole number with the language's thousands separator.
   *
   * @param count the number
   * @return such as {@code 12,345} or {@code 12.345}
   */
  String count(long count) {
    return number(Figures.count(count));
  }

  /**
   * A count and its noun, singular or plural.
   *
   * @param count the number
   * @param noun {@code request}, {@code success}, {@code failure} or {@code day}
   * @return such as {@code 1 request} or {@code 12.345 solicitudes}
   */
  String counted(long count, String noun) {
    return count(count) + " " + text(noun + (count == 1 ? "_one" : "_other"));
  }

  /**
   * A figure Figures wrote in English form, with this language's separators.
   *
   * @param figure such as {@code 99.95 %} or {@code 12,345}
   * @return such as {@code 99,95 %} or {@code 12.345}
   */
  String number(String figure) {
    if (english) {
      return figure;
    }
    // Spanish, the other language shipped, writes 12.345,5.
    char[] chars = figure.toCharArray();
    for (int i = 0; i < chars.length; i++) {
      if (chars[i] == ',') {
        chars[i] = '.';
      } else if (chars[i] == '.') {
        chars[i] = ',';
      }
    }
    return new String(chars);
  }

  /**
   * A state's name.
   *
   * @param health the state
   * @return such as "Partial outage"
   */
  String state(Health health) {
    return text("state_" + PageViewBuilder.token(health));
  }

  /**
   * The headline of an overall state.
   *
   * @param health the state
   * @param given the model's headline, in English
   * @return the model's in English, else this language's
   */
  String headline(Health health, String given) {
    return !english ? text("headline_" + PageViewBuilder.token(health)) : given;
  }

  /**
   * A moment as the page's "last updated" shows it.
   *
   * @param instant the moment
   * @param zone the page's zone
   * @return in English the ISO form with the zone; in other languages their long date
   */
  String dateTime(Instant instant, ZoneId zone) {
    if (english) {
      return Figures.dateTime(instant, zone);
    }
    ZonedDateTime local = instant.atZone(zone);
    String iso = Figures.dateTime(instant, zone);
    // The zone, as Figures names it: everything after the date and the time.
    return SPANISH_DATE.format(local) + iso.substring("uuuu-MM-dd HH:mm:ss".length());
  }

  /**
   * A day as a heading names it.
   *
   * @param day the day
   * @return such as "Monday, 30 June 2025" or "lunes, 30 de junio de 2025"
   */
  String day(LocalDate day) {
    return english ? Figures.day(day) : SPANISH_DAY.format(day);
  }

  /**
   * A moment as a date and a time of day, as notices show their times.
   *
   * @param instant the moment
   * @param zone the page's zone
   * @return such as "2025-06-30 14:02 UTC" or "30 de junio de 2025, 14:02 UTC"
   */
  String dateAndTime(Instant instant, ZoneId zone) {
    if (english) {
      return Figures.dateAndTime(instant, zone);
    }
    String iso = Figures.dateAndTime(instant, zone);
    // The zone's name, as Figures writes it: everything after the date and the time.
    return SPANISH_DATE_AND_TIME.format(instant.atZone(zone)) + iso.substring("uuuu-MM-dd HH:mm".length());
  }

  /**
   * A month as a heading names it.
   *
   * @param month the month
   * @return such as "June 2025" or "junio de 2025"
   */
  String month(YearMonth month) {
    return english ? Figures.month(month) : SPANISH_MONTH.format(month);
  }

  /**
   * Items as a sentence lists them: "A", "A and B", "A, B and C".
   *
   * @param items the items, at least one
   * @return the list in words
   */
  String list(List<String> items) {
    if (items.size() == 1) {
      return items.get(0);
    }
    return String.join(", ", items.subList(0, items.size() - 1)) + " " + text("list_and") + " "
        + items.get(items.size() - 1);
  }

  /**
   * A length of time in words, as {@link Figures#duration} words it in English.
   *
   * @param duration the length
   * @return such as {@code 2 días 3 h} or {@code 45 min}
   */
  String duration(Duration duration) {
    long minutes = duration.toMinutes();
    if (minutes < 1) {
      return text("less_than_a_minute");
    }
    long days = minutes / (24 * 60);
    long hours = minutes / 60 % 24;
    long rest = minutes % 60;
    if (days > 0) {
      return counted(days, "day") + (hours > 0 ? " " + hours + " h" : "");
    }
    if (hours > 0) {
      return hours + " h" + (rest > 0 ? " " + rest + " min" : "");
    }
    return rest + " min";
  }
}
