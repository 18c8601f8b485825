package dev.trafficstatus.views.mustache;

import dev.trafficstatus.spi.page.Asset;
import dev.trafficstatus.spi.page.PageBrand;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The owner's brand made ready to serve: the accent colour as a style sheet of CSS custom
 * properties (the page runs under {@code style-src 'self'}, so never an inline style), the logo and
 * icon files read once into memory, and the parts the templates show.
 */
final class Branding {

  static final String STYLE = "brand.css";

  /** Files larger than this are refused: they are kept in memory and sent with every first visit. */
  static final int MAX_FILE_BYTES = 1024 * 1024;

  private final PageBrand brand;

  private final Map<String, Asset> assets;

  private final Optional<String> logoAsset;

  private final Optional<String> iconAsset;

  private Branding(PageBrand brand, Map<String, Asset> assets, Optional<String> logoAsset,
      Optional<String> iconAsset) {
    this.brand = brand;
    this.assets = Map.copyOf(assets);
    this.logoAsset = logoAsset;
    this.iconAsset = iconAsset;
  }

  /**
   * Reads the brand's files and checks its colours.
   *
   * @param brand the owner's brand
   * @return what the renderer serves and shows
   * @throws IllegalArgumentException when a colour is too faint to read or a file cannot be used
   */
  static Branding of(PageBrand brand) {
    Objects.requireNonNull(brand, "brand");
    Map<String, Asset> assets = new HashMap<>();
    if (brand.accent() != null || brand.accentDark() != null) {
      AccentColours colours = AccentColours.of(
          brand.accent() != null ? brand.accent() : brand.accentDark(), brand.accentDark());
      assets.put(STYLE, new Asset("text/css;charset=UTF-8", style(colours).getBytes(StandardCharsets.UTF_8)));
    }
    Optional<String> logo = Optional.empty();
    if (brand.logo() != null && !brand.logoIsUrl()) {
      logo = Optional.of(file("page.brand.logo", brand.logo(), "brand-logo", assets));
    }
    Optional<String> icon = Optional.empty();
    if (brand.favicon() != null) {
      icon = Optional.of(file("page.brand.favicon", brand.favicon(), "brand-icon", assets));
    }
    return new Branding(brand, assets, logo, icon);
  }

  /**
   * The files the renderer serves for the brand.
   *
   * @return files by asset name
   */
  Map<String, Asset> assets() {
    return assets;
  }

  /**
   * The origins the page loads images from: the brand's, only when its logo is one of their URLs.
   *
   * @return https origins
   */
  List<String> imageSources() {
    return brand.imageSources();
  }

  /**
   * What the templates show, with asset addresses under this page's prefix.
   *
   * @param bundle every asset, for versioned addresses
   * @param assetsPath where assets are served, ending with {@code /}
   * @return the view
   */
  BrandView view(AssetBundle bundle, String assetsPath) {
    Optional<String> style = assets.containsKey(STYLE)
        ? Optional.of(bundle.href(assetsPath, STYLE)) : Optional.empty();
    BrandView.Logo logo = null;
    if (brand.logoIsUrl()) {
      logo = new BrandView.Logo(brand.logo(), brand.logoAlt() == null ? "" : brand.logoAlt());
    } else if (logoAsset.isPresent()) {
      logo = new BrandView.Logo(bundle.href(assetsPath, logoAsset.get()),
          brand.logoAlt() == null ? "" : brand.logoAlt());
    }
    List<BrandView.LinkView> links = brand.links().stream()
        .map(link -> new BrandView.LinkView(link.label(), link.href()))
        .toList();
    return new BrandView(
        style.isPresent(),
        style.orElse(""),
        iconAsset.isPresent(),
        iconAsset.map(name -> bundle.href(assetsPath, name)).orElse(""),
        iconAsset.map(name -> assets.get(name).mediaType()).orElse(""),
        logo,
        links,
        brand.footer() == null ? "" : brand.footer());
  }

  /** Light values first, dark ones in the same media query status.css uses, loaded after it. */
  private static String style(AccentColours colours) {
    return ":root {\n  --accent: " + colours.light() + ";\n  --link: " + colours.light()
        + ";\n  --focus: " + colours.light() + ";\n}\n\n@media (prefers-color-scheme: dark) {\n"
        + "  :root {\n    --accent: " + colours.dark() + ";\n    --link: " + colours.dark()
        + ";\n    --focus: " + colours.dark() + ";\n  }\n}\n";
  }

  private static String file(String setting, String given, String stem, Map<String, Asset> into) {
    Path path = Path.of(given);
    String extension = given.substring(given.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
    String mediaType = switch (extension) {
      case "svg" -> "image/svg+xml";
      case "png" -> "image/png";
      case "jpg", "jpeg" -> "image/jpeg";
      case "gif" -> "image/gif";
      case "webp" -> "image/webp";
      case "ico" -> "image/x-icon";
      default -> throw new IllegalArgumentException(setting + ": '" + given + "' is not an image file");
    };
    try {
      if (!Files.isRegularFile(path)) {
        throw new IllegalArgumentException(setting + ": no file at " + path.toAbsolutePath());
      }
      if (Files.size(path) > MAX_FILE_BYTES) {
        throw new IllegalArgumentException(setting + ": " + path.toAbsolutePath() + " is larger than 1 MiB");
      }
      String name = stem + "." + extension;
      into.put(name, new Asset(mediaType, Files.readAllBytes(path)));
      return name;
    } catch (IOException e) {
      throw new UncheckedIOException(setting + ": cannot read " + path.toAbsolutePath(), e);
    }
  }
}
