package dev.trafficstatus.server.page;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.ResourceBundle;

/**
 * The words of the pages the server writes itself rather than the renderer: the subscribe answers,
 * the short pages that say "one moment", and the sentences of the page's JSON. From the bundles
 * {@code words*.properties} beside this class, English the base; a language without a bundle of
 * its own reads English. Immutable.
 */
public final class ServerWords {

  private static final String BUNDLE = "dev.trafficstatus.server.page.words";

  private final String lang;

  private final ResourceBundle bundle;

  private ServerWords(String lang, ResourceBundle bundle) {
    this.lang = lang;
    this.bundle = bundle;
  }

  /**
   * The words of a language; callers keep them, one per configured language.
   *
   * @param locale the language
   * @return its words, or English's when the server has none in it
   */
  public static ServerWords of(Locale locale) {
    String code = Objects.requireNonNull(locale, "locale").getLanguage();
    // No fallback to the JVM's default locale: English is the base bundle, whatever the machine.
    ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, Locale.forLanguageTag(code),
        ServerWords.class.getClassLoader(),
        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    String written = bundle.getLocale().getLanguage();
    return new ServerWords(written.isEmpty() ? "en" : written, bundle);
  }

  /**
   * The words of each language, by language code.
   *
   * @param languages the configured languages
   * @return their words
   */
  public static Map<String, ServerWords> of(List<Locale> languages) {
    Map<String, ServerWords> words = new java.util.LinkedHashMap<>();
    languages.forEach(language -> words.put(language.getLanguage(), of(language)));
    return Map.copyOf(words);
  }

  /**
   * The language the words are in, for {@code <html lang>}.
   *
   * @return such as {@code es}
   */
  public String lang() {
    return lang;
  }

  /**
   * A text with its blanks {@code {0}}, {@code {1}}, ... filled in, each once.
   *
   * @param key its key
   * @param values what the blanks stand for
   * @return the text
   */
  public String format(String key, Object... values) {
    String text = bundle.getString(key);
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
   * A count and its noun, singular for one: {@code key_one} or {@code key_other} with the count.
   *
   * @param count the count
   * @param key the noun's key without its ending
   * @return such as "1 second" or "5 segundos"
   */
  public String counted(long count, String key) {
    return format(key + (count == 1 ? "_one" : "_other"), count);
  }

  /**
   * Items as a sentence lists them: "30, 90 and 365".
   *
   * @param items the items, at least one
   * @return the list in words
   */
  public String list(List<String> items) {
    if (items.size() == 1) {
      return items.get(0);
    }
    return String.join(", ", items.subList(0, items.size() - 1)) + " " + format("list_and") + " "
        + items.get(items.size() - 1);
  }
}
