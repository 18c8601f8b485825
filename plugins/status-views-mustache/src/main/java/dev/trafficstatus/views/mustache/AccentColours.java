package dev.trafficstatus.views.mustache;

import java.util.Locale;

/**
 * The accent colour in light and dark mode, checked for contrast against the page's own
 * backgrounds: links and the header are drawn in it, so it must stay readable (WCAG 2 AA for normal
 * text, 4.5:1).
 *
 * <p>The light colour is the owner's choice, so one that is too faint is refused with a darker
 * suggestion rather than changed behind their back. Dark mode is the page's, not the owner's, so
 * when no dark colour is given the light one is lightened just enough to read on the dark
 * background; a dark colour given and too faint is refused like the light one.
 *
 * @param light the accent in light mode, {@code #rrggbb}
 * @param dark the accent in dark mode, {@code #rrggbb}
 */
record AccentColours(String light, String dark) {

  /** WCAG 2 AA for normal text. */
  static final double MINIMUM_CONTRAST = 4.5;

  /** The darker of the light backgrounds in status.css ({@code --bg}; {@code --panel} is white). */
  static final String LIGHT_BACKGROUND = "#f5f6f8";

  /** The lighter of the dark backgrounds in status.css ({@code --panel}; {@code --bg} is darker). */
  static final String DARK_BACKGROUND = "#1f2227";

  /**
   * Checks the owner's colours, deriving the dark one when not given.
   *
   * @param light {@code #rrggbb}, as {@code PageBrand} normalises it
   * @param dark {@code #rrggbb}, or null to derive it
   * @return the colours to use
   * @throws IllegalArgumentException when a colour reads below 4.5:1 on its background, with a
   *     colour that would not
   */
  static AccentColours of(String light, String dark) {
    double lightContrast = contrast(light, LIGHT_BACKGROUND);
    if (lightContrast < MINIMUM_CONTRAST) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "page.brand.accent %s has a contrast of %.1f:1 on the page background %s; links and the"
              + " header need at least 4.5:1 to be readable (WCAG AA). A darker shade such as %s"
              + " would do.", light, lightContrast, LIGHT_BACKGROUND, readable(light, 0, LIGHT_BACKGROUND)));
    }
    if (dark == null) {
      return new AccentColours(light, readable(light, 255, DARK_BACKGROUND));
    }
    double darkContrast = contrast(dark, DARK_BACKGROUND);
    if (darkContrast < MINIMUM_CONTRAST) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "page.brand.accentDark %s has a contrast of %.1f:1 on the dark background %s; it needs at"
              + " least 4.5:1. A lighter shade such as %s would do, or leave accentDark out to"
              + " derive one.", dark, darkContrast, DARK_BACKGROUND, readable(dark, 255, DARK_BACKGROUND)));
    }
    return new AccentColours(light, dark);
  }

  /**
   * The WCAG 2 contrast ratio of two colours.
   *
   * @param a {@code #rrggbb}
   * @param b {@code #rrggbb}
   * @return from 1 to 21
   */
  static double contrast(String a, String b) {
    double la = luminance(a);
    double lb = luminance(b);
    return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
  }

  /** The colour mixed towards {@code target} (0 black, 255 white) in small steps until it reads. */
  private static String readable(String colour, int target, String background) {
    int[] rgb = rgb(colour);
    for (int percent = 0; percent <= 100; percent += 2) {
      String mixed = String.format(Locale.ROOT, "#%02x%02x%02x",
          mix(rgb[0], target, percent), mix(rgb[1], target, percent), mix(rgb[2], target, percent));
      if (contrast(mixed, background) >= MINIMUM_CONTRAST) {
        return mixed;
      }
    }
    return target == 0 ? "#000000" : "#ffffff";
  }

  private static int mix(int channel, int target, int percent) {
    return (int) Math.round(channel + (target - channel) * percent / 100.0);
  }

  private static double luminance(String colour) {
    int[] rgb = rgb(colour);
    return 0.2126 * linear(rgb[0]) + 0.7152 * linear(rgb[1]) + 0.0722 * linear(rgb[2]);
  }

  private static double linear(int channel) {
    double c = channel / 255.0;
    return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
  }

  private static int[] rgb(String colour) {
    int value = Integer.parseInt(colour.substring(1), 16);
    return new int[] {(value >> 16) & 0xff, (value >> 8) & 0xff, value & 0xff};
  }
}
