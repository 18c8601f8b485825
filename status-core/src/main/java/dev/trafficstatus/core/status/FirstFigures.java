package dev.trafficstatus.core.status;

import dev.trafficstatus.spi.page.RouteGroup;
import dev.trafficstatus.spi.page.RouteStatus;
import dev.trafficstatus.spi.page.StatusPage;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * A new server's first minutes: while its page has no figures at all, when they will be there, so
 * the page says so ("First figures at 09:47 UTC, after the first flush") and reloads itself then,
 * instead of a bare "No Data Yet".
 */
public final class FirstFigures {

  /** How long after start the page promises first figures; past it, no traffic is no promise. */
  public static final Duration FIRST_MINUTES = Duration.ofMinutes(10);

  /** For a process that writes no figures (it only renders): it never promises any. */
  public static final FirstFigures NONE = new FirstFigures(at -> at, Instant.MIN);

  private final UnaryOperator<Instant> writtenBy;

  private final Instant promisedUntil;

  /**
   * @param writtenBy when what is counted at a moment is written (the flusher's schedule)
   * @param startedAt when this process started
   */
  public FirstFigures(UnaryOperator<Instant> writtenBy, Instant startedAt) {
    this.writtenBy = Objects.requireNonNull(writtenBy, "writtenBy");
    this.promisedUntil = startedAt.equals(Instant.MIN) ? Instant.MIN : startedAt.plus(FIRST_MINUTES);
  }

  /**
   * When the page will show its first figures.
   *
   * @param page what was read
   * @param readAt when it was read
   * @param freshUntil when it will be read again
   * @return the later of the flush that writes what was counted by then and the next read; empty
   *     when the page has figures, or the server is not new
   */
  public Optional<Instant> expected(StatusPage page, Instant readAt, Instant freshUntil) {
    if (readAt.isAfter(promisedUntil) || hasFigures(page)) {
      return Optional.empty();
    }
    Instant written = writtenBy.apply(readAt);
    return Optional.of(written.isAfter(freshUntil) ? written : freshUntil);
  }

  private static boolean hasFigures(StatusPage page) {
    for (RouteGroup group : page.groups()) {
      for (RouteStatus route : group.routes()) {
        if (route.requests() > 0 || route.maintenanceRequests() > 0 || route.current().hasData()) {
          return true;
        }
      }
    }
    return false;
  }
}
