package dev.trafficstatus.store.jdbi.internal;

import java.util.regex.Pattern;

/** A JDBC URL fit for logs: passwords in it, wherever a driver lets them be, are masked. */
public final class RedactedUrl {

  /** {@code //user:secret@host} */
  private static final Pattern USER_INFO = Pattern.compile("(//[^/?;@:]*):[^/?;@]*@");

  /** {@code ?password=…}, {@code &sslpassword=…}, H2's {@code ;PASSWORD=…} and the like. */
  private static final Pattern SECRET_PARAMETER =
      Pattern.compile("(?i)([?&;][^=?&;]*(?:password|passwd|pwd|secret|token|key)[^=?&;]*=)[^&;]*");

  private static final String MASK = "***";

  private static final int MIN_PASSWORD_TO_MASK = 4;

  private RedactedUrl() {}

  /**
   * Masks the secrets in a URL.
   *
   * @param url the JDBC URL
   * @param password the configured password, masked too should it appear in the URL; may be null
   * @return the URL with every secret replaced by {@code ***}
   */
  public static String of(String url, String password) {
    String redacted = USER_INFO.matcher(url).replaceAll("$1:" + MASK + "@");
    redacted = SECRET_PARAMETER.matcher(redacted).replaceAll("$1" + MASK);
    // Short passwords are left alone: masking every "sa" in a URL would hide more than it protects.
    if (password != null && password.length() >= MIN_PASSWORD_TO_MASK) {
      redacted = redacted.replace(password, MASK);
    }
    return redacted;
  }
}
