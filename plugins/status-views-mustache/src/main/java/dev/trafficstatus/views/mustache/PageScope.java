package dev.trafficstatus.views.mustache;

import java.util.Map;
import java.util.Objects;

/**
 * What every template receives besides its page's own model, looked up when the model has no value
 * of that name.
 *
 * @param brand the owner's brand
 * @param lang the page's language tag, for {@code <html lang>}
 * @param t every text of the page in that language, by key ({@code {{t.legend}}})
 */
record PageScope(BrandView brand, String lang, Map<String, String> t) {

  PageScope {
    Objects.requireNonNull(brand, "brand");
    Objects.requireNonNull(lang, "lang");
    Objects.requireNonNull(t, "t");
  }
}
