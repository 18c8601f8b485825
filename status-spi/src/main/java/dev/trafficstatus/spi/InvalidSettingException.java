package dev.trafficstatus.spi;

import java.util.Objects;

/**
 * A setting outside what a settings record accepts. Settings records (in the SPI and the core) are
 * the only judges of their bounds; the server reports this against the configuration key, such as
 * {@code status.flush.batchSize must be between 1 and 10000, got 20000}.
 */
public class InvalidSettingException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  private final String setting;

  private final String problem;

  /**
   * @param setting the setting's name as configuration spells it, such as {@code batchSize}
   * @param problem what is wrong, phrased to follow the name, such as {@code must be at least 1,
   *     got 0}
   */
  public InvalidSettingException(String setting, String problem) {
    super(Objects.requireNonNull(setting, "setting") + " " + Objects.requireNonNull(problem, "problem"));
    this.setting = setting;
    this.problem = problem;
  }

  /**
   * A duration as configuration writes it, for messages: {@code 2d}, {@code 90s}, {@code 500ms}.
   *
   * @param duration the duration
   * @return the shortest whole-unit form, or ISO-8601 when no unit divides it
   */
  public static String text(java.time.Duration duration) {
    long millis;
    try {
      millis = duration.toMillis();
    } catch (ArithmeticException huge) {
      return duration.toString();
    }
    if (duration.getNano() % 1_000_000 != 0) {
      return duration.toString();
    }
    long[] sizes = {86_400_000L, 3_600_000L, 60_000L, 1_000L, 1L};
    String[] units = {"d", "h", "m", "s", "ms"};
    for (int i = 0; i < sizes.length; i++) {
      if (millis % sizes[i] == 0 && (millis != 0 || i == sizes.length - 1)) {
        return millis / sizes[i] + units[i];
      }
    }
    return duration.toString();
  }

  /**
   * The setting's name.
   *
   * @return such as {@code batchSize}
   */
  public String setting() {
    return setting;
  }

  /**
   * What is wrong with it.
   *
   * @return such as {@code must be at least 1, got 0}
   */
  public String problem() {
    return problem;
  }
}
