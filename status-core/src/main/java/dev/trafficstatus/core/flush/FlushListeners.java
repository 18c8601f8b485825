package dev.trafficstatus.core.flush;

import dev.trafficstatus.spi.store.MinuteBucket;
import java.lang.System.Logger.Level;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Who the flusher tells what it harvested, when it flushed and when it declared routes, on its
 * thread. A listener that
 * throws is logged once and never stops a flush.
 */
final class FlushListeners {

  private final System.Logger log;
  private volatile Consumer<List<MinuteBucket>> onHarvested = buckets -> {};
  private volatile Consumer<Instant> onFlushed = at -> {};
  private volatile Runnable onDeclared = () -> {};
  private boolean harvestListenerFailed;
  private boolean flushListenerFailed;
  private boolean declareListenerFailed;

  FlushListeners(System.Logger log) {
    this.log = log;
  }

  void whenHarvested(Consumer<List<MinuteBucket>> listener) {
    this.onHarvested = Objects.requireNonNull(listener, "listener");
  }

  void whenFlushed(Consumer<Instant> listener) {
    this.onFlushed = Objects.requireNonNull(listener, "listener");
  }

  void whenDeclared(Runnable listener) {
    this.onDeclared = Objects.requireNonNull(listener, "listener");
  }

  void declared() {
    try {
      onDeclared.run();
    } catch (RuntimeException listenerFailure) {
      if (!declareListenerFailed) {
        declareListenerFailed = true;
        log.log(Level.ERROR, "A reader of route declarations failed; flushes go on.", listenerFailure);
      }
    }
  }

  void harvested(List<MinuteBucket> harvested) {
    try {
      onHarvested.accept(Collections.unmodifiableList(harvested));
    } catch (RuntimeException listenerFailure) {
      if (!harvestListenerFailed) {
        harvestListenerFailed = true;
        log.log(Level.ERROR, "A reader of harvested minutes failed; flushes go on.", listenerFailure);
      }
    }
  }

  void flushed(Instant at) {
    try {
      onFlushed.accept(at);
    } catch (RuntimeException listenerFailure) {
      if (!flushListenerFailed) {
        flushListenerFailed = true;
        log.log(Level.ERROR, "A reader of flushes failed; flushes go on.", listenerFailure);
      }
    }
  }
}
