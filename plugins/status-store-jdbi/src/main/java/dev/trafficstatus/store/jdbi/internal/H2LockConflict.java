package dev.trafficstatus.store.jdbi.internal;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;

/**
 * Explains H2's "Database may be already in use" (error 90020): another process has the database
 * file open, and H2 opens a file in one process at a time. The usual cause is an app and its tests,
 * or two apps, started from one folder with the same file.
 */
public final class H2LockConflict {

  /** {@code org.h2.api.ErrorCode.DATABASE_ALREADY_OPEN_1}; H2 is not on the compile class path. */
  static final int DATABASE_ALREADY_OPEN = 90020;

  private H2LockConflict() {}

  /**
   * What to say when a failure is H2's lock conflict.
   *
   * @param url the configured H2 URL
   * @param failure what went wrong
   * @return the explanation, naming the file and the setting; empty for any other failure
   */
  public static Optional<String> explain(String url, Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SQLException sql && sql.getErrorCode() == DATABASE_ALREADY_OPEN) {
        return Optional.of(
            "the H2 database file "
                + file(url)
                + " is in use by another process (H2 opens a file in one process at a time): stop"
                + " that process, or give this one a file of its own with status.store.database.url;"
                + " tests can use jdbc:h2:mem:<name>");
      }
    }
    return Optional.empty();
  }

  /** The file of an H2 URL such as {@code jdbc:h2:./data/shop-status;WRITE_DELAY=0}. */
  static String file(String url) {
    String path = url.substring("jdbc:h2:".length());
    int options = path.indexOf(';');
    if (options >= 0) {
      path = path.substring(0, options);
    }
    // "file:" and the prefixes of file system wrappers; a Windows drive letter is part of the path.
    int scheme = path.indexOf(':');
    if (scheme > 1 && path.substring(0, scheme).chars().allMatch(Character::isLetterOrDigit)) {
      path = path.substring(scheme + 1);
    }
    String file = Path.of(path).toAbsolutePath().normalize().toString();
    return file.toLowerCase(Locale.ROOT).endsWith(".mv.db") ? file : file + ".mv.db";
  }
}
