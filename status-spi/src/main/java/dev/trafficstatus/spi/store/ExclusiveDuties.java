package dev.trafficstatus.spi.store;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/** The in-process default of {@link StatusStore#runExclusive}: one lock per duty name. */
final class ExclusiveDuties {

  /** The duties of this process. */
  static final ExclusiveDuties IN_PROCESS = new ExclusiveDuties();

  private final ConcurrentHashMap<String, ReentrantLock> locks = new ConcurrentHashMap<>();

  private ExclusiveDuties() {}

  <T> Optional<T> run(String duty, Supplier<T> work) {
    ReentrantLock lock = locks.computeIfAbsent(duty, name -> new ReentrantLock());
    if (!lock.tryLock()) {
      return Optional.empty();
    }
    try {
      return Optional.of(work.get());
    } finally {
      lock.unlock();
    }
  }
}
