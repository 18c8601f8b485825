package dev.trafficstatus.server.page;

import java.util.Locale;

/**
 * Reads the request headers the page answers by, leniently: whatever a client sends, the answer is
 * a page or "not modified", never an error. Jersey's {@code Request.evaluatePreconditions} throws
 * on an {@code If-None-Match} it cannot parse ({@code x}, {@code "x}, {@code W/}), which became a
 * 500 with a stack trace in the log.
 */
public final class PageHeaders {

  private PageHeaders() {}

  /**
   * Whether an {@code If-None-Match} header names the current representation (RFC 9110, section
   * 13.1.2, weak comparison): {@code *}, or a list of entity tags, weak ({@code W/"…"}) or strong
   * ({@code "…"}), one of which is the current tag. Unquoted or broken members are read as the text
   * they hold, so they match nothing a server sends; nothing here throws.
   *
   * @param header the header, possibly null or malformed
   * @param opaqueTag the current tag's text, without quotes or {@code W/}
   * @return true to answer 304
   */
  public static boolean noneMatchHas(String header, String opaqueTag) {
    if (header == null || header.isBlank()) {
      return false;
    }
    int at = 0;
    int length = header.length();
    while (at < length) {
      char c = header.charAt(at);
      if (c == ',' || c == ' ' || c == '\t') {
        at++;
        continue;
      }
      if (c == '*' && (at + 1 == length || ", \t".indexOf(header.charAt(at + 1)) >= 0)) {
        return true;
      }
      if (header.startsWith("W/", at)) {
        at += 2;
      }
      int end;
      String tag;
      if (at < length && header.charAt(at) == '"') {
        int close = header.indexOf('"', at + 1);
        end = close < 0 ? length : close + 1;
        tag = header.substring(at + 1, close < 0 ? length : close);
      } else {
        int comma = header.indexOf(',', at);
        end = comma < 0 ? length : comma;
        tag = header.substring(at, end).strip();
      }
      if (tag.equals(opaqueTag)) {
        return true;
      }
      at = Math.max(end, at + 1);
    }
    return false;
  }

  /**
   * Whether an {@code Accept-Encoding} header admits gzip: {@code gzip} (or {@code x-gzip}) listed
   * with a quality above 0, or {@code *} above 0 when gzip is not listed (RFC 9110, section
   * 12.5.3).
   *
   * @param acceptEncoding the header, possibly null
   * @return true to send the gzipped body
   */
  static boolean acceptsGzip(String acceptEncoding) {
    if (acceptEncoding == null || acceptEncoding.isBlank()) {
      return false;
    }
    Double gzip = null;
    Double any = null;
    for (String coding : acceptEncoding.split(",")) {
      String[] parts = coding.split(";");
      String name = parts[0].trim().toLowerCase(Locale.ROOT);
      double quality = 1.0;
      for (int i = 1; i < parts.length; i++) {
        String parameter = parts[i].trim().toLowerCase(Locale.ROOT);
        if (parameter.startsWith("q=")) {
          try {
            quality = Double.parseDouble(parameter.substring(2).trim());
          } catch (NumberFormatException unreadable) {
            quality = 0;
          }
        }
      }
      if (name.equals("gzip") || name.equals("x-gzip")) {
        gzip = gzip == null ? quality : Math.max(gzip, quality);
      } else if (name.equals("*")) {
        any = quality;
      }
    }
    return gzip != null ? gzip > 0 : any != null && any > 0;
  }
}
