package dev.trafficstatus.core.notice;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Ids of notices, updates and outbox events, in Statuspage's form: 12 lower-case base-36
 * characters (about 62 bits). Random ones for what people and the evaluator write; derived ones
 * for what every process must name alike, such as a recurring maintenance window, so two
 * processes that materialise the same window write the same notice.
 */
public final class NoticeIds {

  private static final int LENGTH = 12;

  private final RandomGenerator random;

  /**
   * @param random the source of random ids; a {@link java.security.SecureRandom} in production
   */
  public NoticeIds(RandomGenerator random) {
    this.random = Objects.requireNonNull(random, "random");
  }

  /**
   * A new random id.
   *
   * @return 12 lower-case base-36 characters
   */
  public String next() {
    return format(random.nextLong());
  }

  /**
   * An id derived from a text: the same text gives the same id in every process.
   *
   * @param text what the id stands for, such as a route key or a window and its start
   * @return 12 lower-case base-36 characters
   */
  public static String derived(String text) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      long bits = 0;
      for (int i = 0; i < 8; i++) {
        bits = (bits << 8) | (digest[i] & 0xFF);
      }
      return format(bits);
    } catch (NoSuchAlgorithmException impossible) {
      throw new IllegalStateException("every JVM has SHA-256", impossible);
    }
  }

  /** 62 bits as 12 base-36 digits, zero-padded: 36^12 is above 2^62. */
  private static String format(long bits) {
    String digits = Long.toString(bits >>> 2, 36);
    return "0".repeat(LENGTH - digits.length()) + digits;
  }
}
