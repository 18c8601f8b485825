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
 * @param subscribeHref where the subscribe form posts; null when the page takes no subscribers
 */
record PageScope(BrandView brand, String lang, Map<String, String> t, String subscribeHref) {

  PageScope {
    Objects.requireNonNull(brand, "brand");
    Objects.requireNonNull(lang, "lang");
    Objects.requireNonNull(t, "t");
  }
}
