package dev.trafficstatus.views.mustache;

import dev.trafficstatus.spi.page.Asset;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * The page's static files, read from the jar once and served from memory.
 *
 * <p>The set of names is fixed here, not derived from what a client asks for, so a name such as
 * {@code ../x} or {@code status.mustache} finds nothing instead of reaching into the class path.
 * Each file's address carries a hash of its content, so browsers may cache it for long and still
 * see a new version at once.
 */
final class AssetBundle {

  static final String STYLE = "status.css";

  static final String SCRIPT = "status.js";

  static final String ICON = "favicon.svg";

  private static final String ROOT = "/dev/trafficstatus/views/mustache/assets/";

  private static final int VERSION_CHARS = 12;

  private final Map<String, Asset> assets;

  private final Map<String, String> versions;

  private AssetBundle(Map<String, Asset> assets, Map<String, String> versions) {
    this.assets = assets;
    this.versions = versions;
  }

  /**
   * Reads the bundled files.
   *
   * @return the bundle
   * @throws UncheckedIOException when a file is missing from the jar, a packaging mistake
   */
  static AssetBundle load() {
    return load(Map.of());
  }

  /**
   * Reads the bundled files and adds the owner's (brand style, logo, icon).
   *
   * @param owners files by the names they are served under; none may be a bundled name
   * @return the bundle
   * @throws UncheckedIOException when a file is missing from the jar, a packaging mistake
   */
  static AssetBundle load(Map<String, Asset> owners) {
    Map<String, Asset> assets = new HashMap<>(owners);
    assets.put(STYLE, read(STYLE, "text/css;charset=UTF-8"));
    assets.put(SCRIPT, read(SCRIPT, "text/javascript;charset=UTF-8"));
    assets.put(ICON, read(ICON, "image/svg+xml"));
    if (assets.size() != owners.size() + 3) {
      throw new IllegalArgumentException("an owner's asset takes a bundled name: " + owners.keySet());
    }
    Map<String, String> versions = new HashMap<>();
    assets.forEach((name, asset) -> versions.put(name, version(asset)));
    return new AssetBundle(Map.copyOf(assets), Map.copyOf(versions));
  }

  /**
   * The file of that name.
   *
   * @param name what a client asked for; may be anything, including null
   * @return the file, or empty when the page has none by that name
   */
  Optional<Asset> get(String name) {
    return name == null ? Optional.empty() : Optional.ofNullable(assets.get(name));
  }

  /**
   * The address of a bundled file, with its content version as the query.
   *
   * @param assetsPath where the host serves assets, ending with {@code /}
   * @param name one of this bundle's names
   * @return such as {@code /status/assets/status.css?v=0123456789ab}
   */
  String href(String assetsPath, String name) {
    String version = versions.get(name);
    if (version == null) {
      throw new IllegalArgumentException("no bundled asset " + name);
    }
    return assetsPath + name + "?v=" + version;
  }

  private static Asset read(String name, String mediaType) {
    try (InputStream in = AssetBundle.class.getResourceAsStream(ROOT + name)) {
      if (in == null) {
        throw new UncheckedIOException(new IOException("asset missing from the jar: " + ROOT + name));
      }
      return new Asset(mediaType, in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read asset " + ROOT + name, e);
    }
  }

  private static String version(Asset asset) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(asset.content());
      return HexFormat.of().formatHex(digest).substring(0, VERSION_CHARS);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
