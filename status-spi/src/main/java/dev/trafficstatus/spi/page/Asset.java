package dev.trafficstatus.spi.page;

import java.util.Arrays;
import java.util.Objects;

/**
 * A static file of a renderer.
 *
 * @param mediaType its media type, such as {@code text/css;charset=UTF-8}
 * @param content its bytes (copied in and out)
 */
public record Asset(String mediaType, byte[] content) {

  /** Checks both parts are present and copies the content. */
  public Asset {
    Objects.requireNonNull(mediaType, "mediaType");
    content = Objects.requireNonNull(content, "content").clone();
  }

  /**
   * The bytes.
   *
   * @return a copy of the content
   */
  @Override
  public byte[] content() {
    return content.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Asset other
        && mediaType.equals(other.mediaType)
        && Arrays.equals(content, other.content);
  }

  @Override
  public int hashCode() {
    return 31 * mediaType.hashCode() + Arrays.hashCode(content);
  }

  @Override
  public String toString() {
    return "Asset[" + mediaType + ", " + content.length + " bytes]";
  }
}
