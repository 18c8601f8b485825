package dev.trafficstatus.spi.page;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The owner's marks on the page ({@code page.brand}): logo, accent colour, favicon, header links
 * and footer text. Every part is optional. Values that could carry markup, script or style into the
 * page are refused here, at start-up, with a message naming the value; what remains is plain text
 * that a renderer escapes like any other.
 *
 * @param logo a logo image: an {@code https://} URL whose origin is among {@code imageSources},
 *     or a file of the server ({@code .svg}, {@code .png}, {@code .jpg}, {@code .gif}, {@code
 *     .webp}) that the renderer serves among its assets; null for none
 * @param logoAlt the logo's text alternative; null to use the page title
 * @param accent the accent colour, {@code #rgb} or {@code #rrggbb}; null keeps the renderer's
 * @param accentDark the accent colour in dark mode, same form; null lets the renderer derive one
 * @param favicon a file of the server ({@code .svg}, {@code .png} or {@code .ico}) served as the
 *     page's icon; null keeps the renderer's
 * @param links links shown in the header, in order, such as "Support" and "Home"
 * @param footer one line of plain text for the footer; null for none
 * @param imageSources the origins, such as {@code https://cdn.example.com}, the page may load
 *     images from; added to the Content-Security-Policy's {@code img-src} and nowhere else
 */
public record PageBrand(
    String logo,
    String logoAlt,
    String accent,
    String accentDark,
    String favicon,
    List<Link> links,
    String footer,
    List<String> imageSources) {

  /** No brand: the renderer's own look. */
  public static final PageBrand NONE = new PageBrand(null, null, null, null, null, null, null, null);

  /** The most header links a page shows: more would crowd the title on a phone. */
  public static final int MAX_LINKS = 6;

  /** The longest footer text, in characters. */
  public static final int MAX_FOOTER = 500;

  private static final Pattern COLOUR = Pattern.compile("#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})");

  private static final Pattern ORIGIN =
      Pattern.compile("https://[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*(:[0-9]{1,5})?");

  private static final Pattern IMAGE_FILE = Pattern.compile("(?i).+\\.(svg|png|jpe?g|gif|webp)");

  private static final Pattern ICON_FILE = Pattern.compile("(?i).+\\.(svg|png|ico)");

  /**
   * Checks every part.
   *
   * @throws IllegalArgumentException naming the part and the value refused
   */
  public PageBrand {
    links = links == null ? List.of() : List.copyOf(links);
    imageSources = imageSources == null ? List.of() : List.copyOf(imageSources);
    for (String origin : imageSources) {
      if (origin == null || !ORIGIN.matcher(origin).matches()) {
        throw new IllegalArgumentException("page.brand.imageSources: '" + origin + "' is not an"
            + " https origin such as https://cdn.example.com (no path, no wildcard, lower case)");
      }
    }
    logo = blankToNull(logo);
    if (logo != null) {
      checkImage(logo, imageSources);
    }
    logoAlt = blankToNull(logoAlt);
    if (logoAlt != null) {
      plainText("page.brand.logoAlt", logoAlt, 200);
    }
    accent = colour("page.brand.accent", accent);
    accentDark = colour("page.brand.accentDark", accentDark);
    favicon = blankToNull(favicon);
    if (favicon != null && (isUrl(favicon) || !ICON_FILE.matcher(favicon).matches())) {
      throw new IllegalArgumentException("page.brand.favicon: '" + favicon
          + "' must be a file of this server ending in .svg, .png or .ico");
    }
    if (links.size() > MAX_LINKS) {
      throw new IllegalArgumentException(
          "page.brand.links: at most " + MAX_LINKS + " links, got " + links.size());
    }
    footer = blankToNull(footer);
    if (footer != null) {
      plainText("page.brand.footer", footer, MAX_FOOTER);
    }
  }

  /**
   * A link in the page's header.
   *
   * @param label the link's text, such as "Support"; plain text, up to 40 characters
   * @param href an {@code https://}, {@code http://} or {@code mailto:} URL, or a path of this
   *     server such as {@code /docs}
   */
  public record Link(String label, String href) {

    /**
     * Checks the label is plain text and the address can only be followed, never run.
     *
     * @throws IllegalArgumentException naming the value refused
     */
    public Link {
      if (label == null || label.isBlank()) {
        throw new IllegalArgumentException("page.brand.links: every link needs a label");
      }
      plainText("page.brand.links label", label, 40);
      href(label, href);
    }

    private static void href(String label, String href) {
      String refused = "page.brand.links: the link '" + label + "' goes to '" + href
          + "'; only https://, http:// and mailto: URLs and paths such as /docs are allowed";
      if (href == null || href.isBlank() || !href.strip().equals(href) || href.length() > 2000) {
        throw new IllegalArgumentException(refused);
      }
      if (href.startsWith("/") && !href.startsWith("//")) {
        parse(href, refused);
        return;
      }
      URI uri = parse(href, refused);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      boolean web = (scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null;
      boolean mail = scheme.equals("mailto") && uri.getSchemeSpecificPart() != null
          && !uri.getSchemeSpecificPart().isBlank();
      if (!web && !mail) {
        throw new IllegalArgumentException(refused);
      }
    }
  }

  /**
   * Whether the logo is an address to load rather than a file to serve.
   *
   * @return true for an {@code https://} logo
   */
  public boolean logoIsUrl() {
    return logo != null && isUrl(logo);
  }

  private static void checkImage(String logo, List<String> imageSources) {
    if (isUrl(logo)) {
      URI uri = parse(logo, "page.brand.logo: '" + logo + "' is not a valid URL");
      String origin = uri.getScheme() + "://" + uri.getRawAuthority();
      if (!"https".equals(uri.getScheme()) || !imageSources.contains(origin)
          || !logo.startsWith(origin + "/")) {
        throw new IllegalArgumentException("page.brand.logo: '" + logo + "' must be an https URL"
            + " whose origin is listed in page.brand.imageSources " + imageSources
            + ", so the Content-Security-Policy lets the page load it");
      }
      return;
    }
    if (!IMAGE_FILE.matcher(logo).matches()) {
      throw new IllegalArgumentException("page.brand.logo: '" + logo + "' must be an https URL or a"
          + " file ending in .svg, .png, .jpg, .gif or .webp");
    }
  }

  private static boolean isUrl(String value) {
    return value.contains("://") || value.regionMatches(true, 0, "data:", 0, 5)
        || value.regionMatches(true, 0, "javascript:", 0, 11);
  }

  private static String colour(String name, String value) {
    String given = blankToNull(value);
    if (given == null) {
      return null;
    }
    if (!COLOUR.matcher(given).matches()) {
      throw new IllegalArgumentException(name + ": '" + given
          + "' is not a colour of the form #rgb or #rrggbb, such as #0b5cad");
    }
    String hex = given.substring(1).toLowerCase(Locale.ROOT);
    if (hex.length() == 3) {
      hex = "" + hex.charAt(0) + hex.charAt(0) + hex.charAt(1) + hex.charAt(1) + hex.charAt(2) + hex.charAt(2);
    }
    return "#" + hex;
  }

  private static void plainText(String name, String value, int max) {
    if (value.length() > max) {
      throw new IllegalArgumentException(name + ": at most " + max + " characters, got " + value.length());
    }
    for (int i = 0; i < value.length(); i++) {
      if (Character.isISOControl(value.charAt(i))) {
        throw new IllegalArgumentException(name + ": control characters are not allowed");
      }
    }
  }

  private static URI parse(String value, String refused) {
    try {
      return new URI(value);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(refused, e);
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
