package dev.trafficstatus.server.page;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The page's languages ({@code page.locales}) and the choice among them by {@code Accept-Language}. */
public final class PageLanguages {

  private PageLanguages() {}

  /**
   * Checks the configured languages are ones the renderer writes.
   *
   * @param configured the page's languages, the default first
   * @param written the renderer's
   * @return the configured ones, by language code only
   * @throws IllegalArgumentException naming a language the renderer does not write
   */
  public static List<Locale> checked(List<Locale> configured, List<Locale> written) {
    if (configured.isEmpty()) {
      throw new IllegalArgumentException("page.locales: at least one language");
    }
    List<String> codes = written.stream().map(Locale::getLanguage).toList();
    List<Locale> languages = new ArrayList<>();
    for (Locale language : configured) {
      if (!codes.contains(language.getLanguage())) {
        throw new IllegalArgumentException("page.locales: the page's renderer does not write '"
            + language.toLanguageTag() + "'; it writes " + codes);
      }
      languages.add(Locale.forLanguageTag(language.getLanguage()));
    }
    return List.copyOf(languages);
  }

  /**
   * The language to answer in.
   *
   * @param acceptLanguage the request's header; may be absent or malformed
   * @param languages the page's, the default first
   * @return the best match of the header (RFC 4647 lookup), else the default
   */
  public static Locale choose(String acceptLanguage, List<Locale> languages) {
    if (languages.size() == 1 || acceptLanguage == null || acceptLanguage.isBlank()) {
      return languages.get(0);
    }
    try {
      Locale found = Locale.lookup(Locale.LanguageRange.parse(acceptLanguage), languages);
      return found != null ? found : languages.get(0);
    } catch (IllegalArgumentException malformed) {
      // A header no browser sends: answer as to one that named no language.
      return languages.get(0);
    }
  }
}
