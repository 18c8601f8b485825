package dev.trafficstatus.core.subscribe;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Counts uses per key in fixed windows: a key may be used {@code max} times per window. Holds at
 * most {@code maxKeys} keys; when that many have live windows, new keys are refused until windows
 * end, so a flood of distinct keys cannot grow memory or slip past the limit. In one process: each
 * process of a fleet counts its own.
 */
final class RateWindows {

  private record Window(Instant start, int uses) {}

  private final int max;
  private final Duration window;
  private final int maxKeys;
  private final Map<String, Window> windows = new HashMap<>();

  /**
   * @param max uses per key and window
   * @param window the window's length
   * @param maxKeys keys kept at most
   */
  RateWindows(int max, Duration window, int maxKeys) {
    this.max = max;
    this.window = window;
    this.maxKeys = maxKeys;
  }

  /**
   * Counts a use of a key, if it is allowed.
   *
   * @param key the key
   * @param now the current time
   * @return true when allowed (and counted); false when the key used its window up
   */
  synchronized boolean tryUse(String key, Instant now) {
    Window current = windows.get(key);
    if (current != null && !now.isBefore(current.start().plus(window))) {
      current = null;
    }
    if (current == null) {
      if (windows.size() >= maxKeys) {
        windows.values().removeIf(w -> !now.isBefore(w.start().plus(window)));
        if (windows.size() >= maxKeys) {
          return false;
        }
      }
      windows.put(key, new Window(now, 1));
      return true;
    }
    if (current.uses() >= max) {
      return false;
    }
    windows.put(key, new Window(current.start(), current.uses() + 1));
    return true;
  }
}
