package dev.trafficstatus.store.jdbi.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Duties that run in one process at a time across every process on a PostgreSQL database (the
 * evaluator, the notification sender): a session advisory lock per duty, taken with a try-lock on
 * a connection held for the duty's work and released after it. A process that dies while holding
 * one loses it with its connection, so another process takes the duty on its next turn.
 *
 * <p>Keys: PostgreSQL keeps locks keyed by two 32-bit integers apart from those keyed by one 64-bit
 * integer (maintenance's {@link Maintenance#LOCK_KEY} and migrations' {@link
 * SchemaMigrator#LOCK_KEY}), so a duty never contends with them. The first integer is {@link
 * #KEY_SPACE}, the second the first four bytes of the SHA-256 of the duty's name: two names share a
 * lock with a chance of one in four billion, and then only take turns.
 *
 * <p>H2 is one process's file; there the store uses the SPI's in-process default instead.
 */
public final class Duties {

  /** The first key of every duty lock: the bytes of "tsdt". */
  public static final int KEY_SPACE = 0x7473_6474;

  /** A step on the database. */
  public interface Step<T> {
    /**
     * Runs it.
     *
     * @return its result
     * @throws Exception whatever the database throws
     */
    T run() throws Exception;
  }

  /** Runs steps on the database inside the store's error boundary. */
  public interface Boundary {
    /**
     * Runs a step, turning its failure into a store exception saying what was being done.
     *
     * @param doing what the step does
     * @param step the step
     * @param <T> its result
     * @return its result
     */
    <T> T run(String doing, Step<T> step);
  }

  /** The locks, on PostgreSQL, held by one session. */
  static final class DutyLocks {

    private final Session session;

    DutyLocks(Session session) {
      this.session = session;
    }

    boolean tryLock(int space, int key) {
      return session
          .createQuery("SELECT pg_try_advisory_lock(:space, :key)")
          .bind("space", space)
          .bind("key", key)
          .mapTo(boolean.class)
          .one();
    }

    boolean unlock(int space, int key) {
      return session
          .createQuery("SELECT pg_advisory_unlock(:space, :key)")
          .bind("space", space)
          .bind("key", key)
          .mapTo(boolean.class)
          .one();
    }
  }

  private final Database database;
  private final ConcurrentHashMap<String, ReentrantLock> inProcess = new ConcurrentHashMap<>();

  /**
   * @param database the store's database
   */
  public Duties(Database database) {
    this.database = database;
  }

  /**
   * The second key of a duty's lock.
   *
   * @param duty the duty's name
   * @return the first four bytes of the SHA-256 of its UTF-8 bytes
   */
  public static int keyOf(String duty) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(duty.getBytes(StandardCharsets.UTF_8));
      return ((digest[0] & 0xFF) << 24)
          | ((digest[1] & 0xFF) << 16)
          | ((digest[2] & 0xFF) << 8)
          | (digest[3] & 0xFF);
    } catch (NoSuchAlgorithmException impossible) {
      throw new IllegalStateException("every JVM has SHA-256", impossible);
    }
  }

  /**
   * Runs work while holding a duty, unless another thread of this process or another process holds
   * it. What the work throws passes as it is; failures of the database are the boundary's.
   *
   * @param duty the duty's name
   * @param work the work; its store calls use other connections
   * @param boundary the store's error boundary
   * @param <T> what the work returns
   * @return what the work returned, or empty when the duty is taken
   */
  public <T> Optional<T> run(String duty, Supplier<T> work, Boundary boundary) {
    ReentrantLock local = inProcess.computeIfAbsent(duty, name -> new ReentrantLock());
    if (!local.tryLock()) {
      return Optional.empty();
    }
    try (Session session = boundary.run("taking a connection for duty " + duty, database::open)) {
      return whileHeld(new DutyLocks(session), duty, work, boundary);
    } finally {
      local.unlock();
    }
  }

  private static <T> Optional<T> whileHeld(
      DutyLocks locks, String duty, Supplier<T> work, Boundary boundary) {
    int key = keyOf(duty);
    if (!boundary.run("taking duty " + duty, () -> locks.tryLock(KEY_SPACE, key))) {
      return Optional.empty();
    }
    T result;
    try {
      result = work.get();
    } catch (RuntimeException | Error failed) {
      try {
        release(locks, key, duty, boundary);
      } catch (RuntimeException releasing) {
        failed.addSuppressed(releasing);
      }
      throw failed;
    }
    release(locks, key, duty, boundary);
    return Optional.of(result);
  }

  /**
   * Releases a duty's lock. Should that fail, the connection is broken (and the server released
   * the lock with its session) or the database stopped answering; the failure says so.
   */
  private static void release(DutyLocks locks, int key, String duty, Boundary boundary) {
    boundary.run("releasing duty " + duty, () -> locks.unlock(KEY_SPACE, key));
  }
}
