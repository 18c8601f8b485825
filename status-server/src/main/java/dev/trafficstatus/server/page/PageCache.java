package dev.trafficstatus.server.page;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bodies of pages already rendered, within a budget of bytes, so a page that many people watch
 * is rendered, and gzipped for the browsers that accept it, once per version of the figures, not
 * once per request.
 *
 * <p>A body is kept under its key (HTML or JSON, window, base path, plain or gzipped) for one
 * version of the figures; the first body of a newer version drops every older one. The bytes kept
 * never exceed the budget: the least recently used bodies go first, and a body larger than the
 * whole budget is sent without being kept. Requests that miss the same body at once wait for one
 * render instead of each rendering it.
 */
final class PageCache {

  /** How a body is encoded. */
  enum Coding {
    /** As rendered. */
    PLAIN,
    /** Gzipped, for clients that accept it. */
    GZIP
  }

  /**
   * Which body.
   *
   * @param variant the representation, such as {@code html}
   * @param days the window
   * @param base the path the host's resources are served under, since links depend on it
   * @param coding plain or gzipped
   */
  record Key(String variant, int days, String base, Coding coding) {}

  /** Renders a body; may refuse with a runtime exception, which every waiting request gets. */
  interface Render {
    byte[] render() throws IOException;
  }

  private record Flight(long version, Key key) {}

  private static final Logger LOG = LoggerFactory.getLogger(PageCache.class);

  private final long budget;
  private final Map<Key, byte[]> kept = new LinkedHashMap<>(16, 0.75f, true);
  private final ConcurrentHashMap<Flight, CompletableFuture<byte[]>> rendering =
      new ConcurrentHashMap<>();
  private long keptBytes;
  private long version = Long.MIN_VALUE;
  private boolean tooLargeLogged;

  /**
   * @param budget the most bytes of bodies kept, at least 1
   */
  PageCache(long budget) {
    if (budget < 1) {
      throw new IllegalArgumentException("budget must be at least 1 byte, got " + budget);
    }
    this.budget = budget;
  }

  /**
   * A body: kept, being rendered by another request, or rendered now.
   *
   * @param version the version of the figures the body shows; never decreasing for newer figures
   * @param key which body
   * @param render renders it when nobody has
   * @return the body; callers must not change it
   */
  byte[] body(long version, Key key, Render render) {
    byte[] found = lookUp(version, key);
    if (found != null) {
      return found;
    }
    Flight flight = new Flight(version, key);
    CompletableFuture<byte[]> mine = new CompletableFuture<>();
    CompletableFuture<byte[]> theirs = rendering.putIfAbsent(flight, mine);
    if (theirs != null) {
      return join(theirs);
    }
    try {
      byte[] body = lookUp(version, key);
      if (body == null) {
        body = render.render();
        keep(version, key, body);
      }
      mine.complete(body);
      return body;
    } catch (IOException impossible) {
      UncheckedIOException failure = new UncheckedIOException("rendering to memory failed", impossible);
      mine.completeExceptionally(failure);
      throw failure;
    } catch (RuntimeException | Error failure) {
      mine.completeExceptionally(failure);
      throw failure;
    } finally {
      rendering.remove(flight, mine);
    }
  }

  /**
   * A gzipped body, compressed from the plain one (itself kept or rendered as needed).
   *
   * @param version the version of the figures
   * @param plain the key of the plain body
   * @param render renders the plain body
   * @return the gzipped body
   */
  byte[] gzipped(long version, Key plain, Render render) {
    Key zipped = new Key(plain.variant(), plain.days(), plain.base(), Coding.GZIP);
    return body(version, zipped, () -> gzip(body(version, plain, render)));
  }

  /**
   * How many bytes of bodies are kept now.
   *
   * @return the sum of the kept bodies' lengths, never more than the budget
   */
  synchronized long keptBytes() {
    return keptBytes;
  }

  private synchronized byte[] lookUp(long version, Key key) {
    return version == this.version ? kept.get(key) : null;
  }

  private synchronized void keep(long version, Key key, byte[] body) {
    if (body.length > budget) {
      if (!tooLargeLogged) {
        tooLargeLogged = true;
        LOG.warn("A {}-day page of {} bytes is larger than status.page.renderCache ({} bytes), so it"
            + " is rendered for every request; raise renderCache", key.days(), body.length, budget);
      }
      return;
    }
    if (version < this.version) {
      return;
    }
    if (version > this.version) {
      kept.clear();
      keptBytes = 0;
      this.version = version;
    }
    byte[] replaced = kept.put(key, body);
    keptBytes += body.length - (replaced == null ? 0 : replaced.length);
    Iterator<byte[]> eldest = kept.values().iterator();
    while (keptBytes > budget) {
      keptBytes -= eldest.next().length;
      eldest.remove();
    }
  }

  private static byte[] join(CompletableFuture<byte[]> render) {
    try {
      return render.join();
    } catch (CompletionException failed) {
      if (failed.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      if (failed.getCause() instanceof Error cause) {
        throw cause;
      }
      throw failed;
    }
  }

  private static byte[] gzip(byte[] plain) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(1024, plain.length / 8));
    try (GZIPOutputStream zip = new GZIPOutputStream(out, 8192)) {
      zip.write(plain);
    } catch (IOException impossible) {
      throw new UncheckedIOException("compressing in memory failed", impossible);
    }
    return out.toByteArray();
  }
}
