package dev.trafficstatus.server.page;

import dev.trafficstatus.spi.page.StatusPage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/**
 * The bytes of the last few pages sent, so a page that many people watch is rendered, and gzipped
 * for the browsers that accept it, once per refresh interval and window, not once per request.
 *
 * <p>An entry is kept for one page model: {@link dev.trafficstatus.core.status.StatusService} hands
 * out the same {@link StatusPage} instance until its figures are read again, so a new instance means
 * new figures and the old bytes are dropped. At most {@code capacity} entries are kept (the least
 * recently used goes first), which bounds the memory to a few pages whatever windows clients ask for.
 */
final class RenderedPages {

  /** Writes a page's body. */
  interface Writer {
    void write(StatusPage page, OutputStream out) throws IOException;
  }

  /** A page's body, and the same body gzipped once some client asked for it. */
  static final class Body {
    private final StatusPage page;
    private final byte[] plain;
    private byte[] gzipped;

    private Body(StatusPage page, byte[] plain) {
      this.page = page;
      this.plain = plain;
    }

    /**
     * @return the body as rendered; callers must not change it
     */
    byte[] plain() {
      return plain;
    }

    /**
     * @return the body gzipped, compressed on the first call; callers must not change it
     */
    synchronized byte[] gzipped() {
      if (gzipped == null) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(1024, plain.length / 8));
        try (GZIPOutputStream zip = new GZIPOutputStream(out, 8192)) {
          zip.write(plain);
        } catch (IOException impossible) {
          throw new UncheckedIOException("compressing in memory failed", impossible);
        }
        gzipped = out.toByteArray();
      }
      return gzipped;
    }
  }

  private record Key(String variant, int days) {}

  private final Map<Key, Body> entries;

  /**
   * @param capacity how many pages to keep, at least 1
   */
  RenderedPages(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1, got " + capacity);
    }
    this.entries =
        new LinkedHashMap<>(capacity * 2, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<Key, Body> eldest) {
            return size() > capacity;
          }
        };
  }

  /**
   * The page's body, rendered now unless this very page was rendered before. Two requests that
   * find it missing at once both render it; that costs time once, never a wrong answer.
   *
   * @param variant which body, such as {@code html}
   * @param page the page model
   * @param writer renders the body
   * @return the body
   */
  Body body(String variant, StatusPage page, Writer writer) {
    Key key = new Key(variant, page.days());
    synchronized (entries) {
      Body kept = entries.get(key);
      if (kept != null && kept.page == page) {
        return kept;
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
    try {
      writer.write(page, out);
    } catch (IOException impossible) {
      throw new UncheckedIOException("writing to memory failed", impossible);
    }
    Body body = new Body(page, out.toByteArray());
    synchronized (entries) {
      entries.put(key, body);
    }
    return body;
  }

  /**
   * Whether an {@code Accept-Encoding} header admits gzip: {@code gzip} (or {@code x-gzip}) listed
   * with a quality above 0, or {@code *} above 0 when gzip is not listed.
   *
   * @param acceptEncoding the header, possibly null
   * @return true to send the gzipped body
   */
  static boolean acceptsGzip(String acceptEncoding) {
    if (acceptEncoding == null || acceptEncoding.isBlank()) {
      return false;
    }
    Double gzip = null;
    Double any = null;
    for (String coding : acceptEncoding.split(",")) {
      String[] parts = coding.split(";");
      String name = parts[0].trim().toLowerCase(Locale.ROOT);
      double quality = 1.0;
      for (int i = 1; i < parts.length; i++) {
        String parameter = parts[i].trim().toLowerCase(Locale.ROOT);
        if (parameter.startsWith("q=")) {
          try {
            quality = Double.parseDouble(parameter.substring(2).trim());
          } catch (NumberFormatException unreadable) {
            quality = 0;
          }
        }
      }
      if (name.equals("gzip") || name.equals("x-gzip")) {
        gzip = gzip == null ? quality : Math.max(gzip, quality);
      } else if (name.equals("*")) {
        any = quality;
      }
    }
    return gzip != null ? gzip > 0 : any != null && any > 0;
  }
}
