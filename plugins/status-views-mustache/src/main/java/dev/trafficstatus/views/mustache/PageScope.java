package dev.trafficstatus.views.mustache;

import java.util.Objects;

/**
 * What every template receives besides its page's own model, looked up when the model has no value
 * of that name.
 *
 * @param brand the owner's brand
 */
record PageScope(BrandView brand) {

  PageScope {
    Objects.requireNonNull(brand, "brand");
  }
}
