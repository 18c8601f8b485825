package dev.trafficstatus.server.wiring;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.util.Locale;

/** Instance ids: unique per process, so two runs never overwrite each other's minute buckets. */
final class InstanceIds {

  private InstanceIds() {}

  /**
   * A process-unique instance id: the configured base (or the host name) and a random suffix.
   *
   * @param base the configured base, or null
   * @return the instance id
   */
  static String unique(String base) {
    String prefix = base;
    if (prefix == null) {
      try {
        prefix = InetAddress.getLocalHost().getHostName();
      } catch (UnknownHostException noName) {
        prefix = "instance";
      }
    }
    prefix = prefix.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]+", "-");
    if (prefix.length() > 60) {
      prefix = prefix.substring(0, 60);
    }
    String suffix = Long.toString(new SecureRandom().nextLong() >>> 1, 36);
    return prefix + "-" + suffix.substring(0, Math.min(8, suffix.length()));
  }
}
