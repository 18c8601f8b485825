package dev.trafficstatus.server.page;

import dev.trafficstatus.spi.page.StatusPage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The bytes of the last few pages sent, so a page that many people watch is rendered once per
 * refresh interval and window, not once per request.
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

  private record Key(String variant, int days) {}

  private record Entry(StatusPage page, byte[] bytes) {}

  private final Map<Key, Entry> entries;

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
          protected boolean removeEldestEntry(Map.Entry<Key, Entry> eldest) {
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
   * @return the body; callers must not change it
   */
  byte[] bytes(String variant, StatusPage page, Writer writer) {
    Key key = new Key(variant, page.days());
    synchronized (entries) {
      Entry kept = entries.get(key);
      if (kept != null && kept.page() == page) {
        return kept.bytes();
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
    try {
      writer.write(page, out);
    } catch (IOException impossible) {
      throw new UncheckedIOException("writing to memory failed", impossible);
    }
    byte[] bytes = out.toByteArray();
    synchronized (entries) {
      entries.put(key, new Entry(page, bytes));
    }
    return bytes;
  }
}
