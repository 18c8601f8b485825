package dev.trafficstatus.spi.page;

import java.util.Objects;

/**
 * Where the host serves the page, so a renderer can link to itself and to its assets.
 *
 * @param page the absolute path of the page, such as {@code /status}
 * @param assets the absolute path under which {@link PageRenderer#asset} names are served, ending
 *     with {@code /}, such as {@code /status/assets/}
 */
public record PageLinks(String page, String assets) {

  /** Checks both paths are absolute. */
  public PageLinks {
    Objects.requireNonNull(page, "page");
    Objects.requireNonNull(assets, "assets");
    if (!page.startsWith("/") || !assets.startsWith("/") || !assets.endsWith("/")) {
      throw new IllegalArgumentException("page and assets must be absolute paths: " + page + ", " + assets);
    }
  }
}
