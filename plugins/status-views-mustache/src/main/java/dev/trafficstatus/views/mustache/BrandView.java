package dev.trafficstatus.views.mustache;

import java.util.List;
import java.util.Objects;

/**
 * The owner's brand as every template receives it, under the name {@code brand}. All strings are
 * plain text, escaped by the template like any other.
 *
 * @param hasStyle whether the accent colour's style sheet is linked
 * @param styleHref its address, after the page's own style sheet
 * @param hasIcon whether the owner's favicon replaces the page's
 * @param iconHref its address
 * @param iconType its media type
 * @param logo the logo; null for none
 * @param links the header links, in order
 * @param footer the footer line; empty for none
 */
record BrandView(
    boolean hasStyle,
    String styleHref,
    boolean hasIcon,
    String iconHref,
    String iconType,
    Logo logo,
    List<LinkView> links,
    String footer) {

  BrandView {
    Objects.requireNonNull(styleHref, "styleHref");
    Objects.requireNonNull(iconHref, "iconHref");
    Objects.requireNonNull(iconType, "iconType");
    links = List.copyOf(links);
    Objects.requireNonNull(footer, "footer");
  }

  /**
   * Whether the header shows a logo or links.
   *
   * @return true when there is either
   */
  public boolean hasBar() {
    return logo != null || !links.isEmpty();
  }

  /**
   * Whether there are header links.
   *
   * @return true when there are
   */
  public boolean hasLinks() {
    return !links.isEmpty();
  }

  /**
   * Whether there is a footer line.
   *
   * @return true when there is
   */
  public boolean hasFooter() {
    return !footer.isEmpty();
  }

  /**
   * The logo.
   *
   * @param href its address: under the page's assets, or an allowed https URL
   * @param alt its text alternative; empty when the title beside it says it all
   */
  record Logo(String href, String alt) {

    Logo {
      Objects.requireNonNull(href, "href");
      Objects.requireNonNull(alt, "alt");
    }
  }

  /**
   * A header link.
   *
   * @param label its text
   * @param href where it goes, checked by {@code PageBrand}
   */
  record LinkView(String label, String href) {

    LinkView {
      Objects.requireNonNull(label, "label");
      Objects.requireNonNull(href, "href");
    }
  }
}
