package dev.trafficstatus.core.notify;

import java.net.URI;
import java.util.Optional;

/** Where a notice's public page is, for the links notifications carry. */
@FunctionalInterface
public interface NoticeLinks {

  /**
   * The absolute URL of a notice's page.
   *
   * @param noticeId the notice's id
   * @return the URL, or empty when the page's public URL is not configured
   */
  Optional<URI> of(String noticeId);

  /**
   * No links: the page's public URL is unknown.
   *
   * @return links that are always empty
   */
  static NoticeLinks none() {
    return id -> Optional.empty();
  }
}
