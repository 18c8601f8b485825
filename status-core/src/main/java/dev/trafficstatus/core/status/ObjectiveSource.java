package dev.trafficstatus.core.status;

import dev.trafficstatus.spi.notice.Notice;
import dev.trafficstatus.spi.page.ObjectiveStatus;
import java.time.Instant;
import java.util.List;

/**
 * Where the page's objectives come from: read with the rest of the figures, on the page's
 * refresher thread, never per request.
 */
public interface ObjectiveSource {

  /** No objectives. */
  ObjectiveSource NONE = (now, notices) -> List.of();

  /**
   * Evaluates the objectives.
   *
   * @param now the instant the figures are read for
   * @param notices the notices read with them (maintenance spans, open objective incidents)
   * @return one entry per objective and indicator
   * @throws dev.trafficstatus.spi.store.StoreException when the store cannot be read
   */
  List<ObjectiveStatus> read(Instant now, List<Notice> notices);
}
