package dev.trafficstatus.core.status;

import dev.trafficstatus.core.fleet.InstanceSettings;
import dev.trafficstatus.spi.Lifecycle;
import dev.trafficstatus.spi.page.StatusPage;
import dev.trafficstatus.spi.store.StatusStore;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Serves the page model without ever making a page request wait for the store.
 *
 * <p>The figures of the longest window ({@link PageSettings#maxDays()}) are read once per refresh
 * interval on a thread of its own, {@value #THREAD_NAME}: eagerly at start, then whenever a
 * request finds them older than {@link PageSettings#refresh()}. Requests get the figures already
 * read at once ({@link #snapshot()}), and every window is a slice of them, so however many
 * requests and window lengths come, the store sees one read per interval. The refresh is
 * single-flight: while one runs (or hangs, on a database that does not answer) no other starts.
 * When it fails, the last figures stay, marked {@linkplain PageSnapshot#stale() stale}, and it is
 * tried again at the first request after {@link PageSettings#MIN_REFRESH}.
 *
 * <p>A refresh reads again only the days that changed (see {@link FiguresReader}): with a store
 * that keeps day versions, the days whose version moved; with one that keeps none, yesterday and
 * today, and the whole window once per {@link PageSettings#historyRefresh()}.
 *
 * <p>{@link #invalidate()} (an edit through the API, the flush task) reads the figures again on the
 * caller's thread, which touches the store anyway, so the next page request shows the change: the
 * changed days with a store that keeps day versions, the whole window otherwise. Each
 * read takes a ticket when it starts and figures are only ever replaced by those of a later ticket:
 * a refresh that started before an invalidation can never replace what the invalidation installed.
 */
public final class StatusService implements Lifecycle {

  /** The refresher thread's name. */
  public static final String THREAD_NAME = "trafficstatus-page-refresh";

  /** How long {@link #stop()} waits for a refresh in progress. */
  private static final Duration STOP_WAIT = Duration.ofSeconds(5);

  private final PageSettings settings;
  private final PageBuilder builder;
  private final FiguresReader reader;
  private final Clock clock;
  private final System.Logger log;
  private final PageRefresher refresher;

  /** Guards the ticket counters and replacing the figures. */
  private final Object lock = new Object();

  private long lastTicket;
  private long historyInvalidatedAt;
  private boolean outageLogged;
  private volatile Figures figures;
  private volatile long failedTicket;
  private volatile Instant nextReadAt = Instant.MIN;
  private volatile Instant refreshingSince;

  /**
   * @param store where the figures are
   * @param settings what to show
   * @param policy how figures become states
   * @param clock what "now" is
   */
  public StatusService(StatusStore store, PageSettings settings, HealthPolicy policy, Clock clock) {
    this(store, settings, policy, clock, System.getLogger(StatusService.class.getName()));
  }

  /**
   * @param store where the figures are
   * @param settings what to show
   * @param policy how figures become states
   * @param clock what "now" is
   * @param log where outages of the store's reads and their end are logged, once each
   */
  public StatusService(
      StatusStore store, PageSettings settings, HealthPolicy policy, Clock clock, System.Logger log) {
    this(store, settings, policy, true, clock, log);
  }

  /**
   * @param store where the figures are
   * @param settings what to show
   * @param policy how figures become states
   * @param excludeMaintenance whether requests inside maintenance windows are left out of counts,
   *     uptime and day states ({@code status.maintenance.excludeFromUptime})
   * @param clock what "now" is
   * @param log where outages of the store's reads and their end are logged, once each
   */
  public StatusService(
      StatusStore store,
      PageSettings settings,
      HealthPolicy policy,
      boolean excludeMaintenance,
      Clock clock,
      System.Logger log) {
    this(store, settings, policy, excludeMaintenance, SlowRoutes.none(), clock, log);
  }

  /**
   * @param store where the figures are
   * @param settings what to show
   * @param policy how figures become states
   * @param excludeMaintenance whether requests inside maintenance windows are left out of counts,
   *     uptime and day states ({@code status.maintenance.excludeFromUptime})
   * @param slow the objectives' latency allowances, which degrade slow routes
   * @param clock what "now" is
   * @param log where outages of the store's reads and their end are logged, once each
   */
  public StatusService(
      StatusStore store,
      PageSettings settings,
      HealthPolicy policy,
      boolean excludeMaintenance,
      SlowRoutes slow,
      Clock clock,
      System.Logger log) {
    this(store, settings, policy, excludeMaintenance, slow, ObjectiveSource.NONE, clock, log);
  }

  /**
   * @param store where the figures are
   * @param settings what to show
   * @param policy how figures become states
   * @param excludeMaintenance whether requests inside maintenance windows are left out of counts,
   *     uptime and day states ({@code status.maintenance.excludeFromUptime})
   * @param instances when an instance writing the figures counts as silent ({@code
   *     status.instances})
   * @param clock what "now" is
   * @param log where outages of the store's reads and their end are logged, once each
   */
  public StatusService(
      StatusStore store,
      PageSettings settings,
      HealthPolicy policy,
      boolean excludeMaintenance,
      InstanceSettings instances,
      Clock clock,
      System.Logger log) {
    this(store, settings, policy, excludeMaintenance, SlowRoutes.none(), ObjectiveSource.NONE,
        instances, clock, log);
  }

  /**
   * @param store where the figures are
   * @param settings what to show
   * @param policy how figures become states
   * @param excludeMaintenance whether requests inside maintenance windows are left out of counts,
   *     uptime and day states ({@code status.maintenance.excludeFromUptime})
   * @param slow the objectives' latency allowances, which degrade slow routes
   * @param objectives the objectives shown, evaluated with each read of the figures
   * @param clock what "now" is
   * @param log where outages of the store's reads and their end are logged, once each
   */
  public StatusService(
      StatusStore store,
      PageSettings settings,
      HealthPolicy policy,
      boolean excludeMaintenance,
      SlowRoutes slow,
      ObjectiveSource objectives,
      Clock clock,
      System.Logger log) {
    this(store, settings, policy, excludeMaintenance, slow, objectives,
        InstanceSettings.defaults(Duration.ofMinutes(1)), clock, log);
  }

  /**
   * @param store where the figures are
   * @param settings what to show
   * @param policy how figures become states
   * @param excludeMaintenance whether requests inside maintenance windows are left out of counts,
   *     uptime and day states ({@code status.maintenance.excludeFromUptime})
   * @param slow the objectives' latency allowances, which degrade slow routes
   * @param objectives the objectives shown, evaluated with each read of the figures
   * @param instances when an instance writing the figures counts as silent ({@code
   *     status.instances})
   * @param clock what "now" is
   * @param log where outages of the store's reads and their end are logged, once each
   */
  public StatusService(
      StatusStore store,
      PageSettings settings,
      HealthPolicy policy,
      boolean excludeMaintenance,
      SlowRoutes slow,
      ObjectiveSource objectives,
      InstanceSettings instances,
      Clock clock,
      System.Logger log) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.builder = new PageBuilder(settings, policy, excludeMaintenance, slow, instances);
    this.reader = new FiguresReader(store, settings, objectives, instances.forgetAfter());
    this.clock = Objects.requireNonNull(clock, "clock");
    this.log = Objects.requireNonNull(log, "log");
    this.refresher = new PageRefresher(THREAD_NAME, this::refresh);
  }

  /**
   * The page settings, for callers that validate a requested window.
   *
   * @return the settings
   */
  public PageSettings settings() {
    return settings;
  }

  /** Starts the refresher thread and the first read. */
  @Override
  public void start() {
    refresher.start();
    refresher.request();
  }

  /** Stops the refresher thread, waiting a few seconds at most for a read in progress. */
  @Override
  public void stop() throws InterruptedException {
    refresher.stop(STOP_WAIT);
  }

  /**
   * The figures last read, at once: never reads the store, never waits for a read. When they are
   * due for a refresh, asks the refresher thread for one.
   *
   * @return the snapshot; unavailable until the first read succeeded
   */
  public PageSnapshot snapshot() {
    Instant now = clock.instant();
    Figures current = figures;
    if (due(now, current)) {
      refresher.request();
    }
    return new PageSnapshot(current, stale(now, current), builder, settings);
  }

  /**
   * The page over a window, cut from the figures last read ({@code snapshot().page(days)}).
   *
   * @param days the window, from 1 to the configured maximum
   * @return the page
   * @throws IllegalArgumentException when the window is out of bounds
   * @throws IllegalStateException when nothing was read since start
   */
  public StatusPage page(int days) {
    return snapshot().page(days);
  }

  /**
   * Reads the store on the caller's thread when the figures are due (what the refresher thread
   * runs). A failure keeps the figures, marks them stale and is logged once per outage.
   */
  public void refresh() {
    Instant now = clock.instant();
    long ticket;
    Figures kept;
    synchronized (lock) {
      if (refreshingSince != null || !due(now, figures)) {
        return;
      }
      ticket = ++lastTicket;
      kept = figures;
      refreshingSince = now;
    }
    try {
      installed(
          reader.read(ticket, now, kept, kept != null && kept.historyTicket() >= historyInvalidatedAt));
    } catch (RuntimeException unreadable) {
      failed(ticket, now.plus(PageSettings.MIN_REFRESH), unreadable);
    } finally {
      refreshingSince = null;
    }
  }

  /**
   * Reads the figures again on the caller's thread, after a flush or an edit, so the next page
   * request shows it: every day that changed, or the whole window with a store that keeps no day
   * versions. When the store cannot be read, the figures are marked stale and the next page request
   * asks the refresher for a read.
   */
  public void invalidate() {
    Instant now = clock.instant();
    long ticket;
    Figures kept;
    synchronized (lock) {
      ticket = ++lastTicket;
      historyInvalidatedAt = ticket;
      kept = figures;
    }
    try {
      installed(reader.read(ticket, now, kept, false));
    } catch (RuntimeException unreadable) {
      // The refresher tries the whole read at the next page request.
      failed(ticket, Instant.MIN, unreadable);
    }
  }

  private boolean due(Instant now, Figures current) {
    return !now.isBefore(nextReadAt) || (current != null && now.isBefore(current.readAt()));
  }

  private boolean stale(Instant now, Figures current) {
    if (current == null) {
      return false;
    }
    Instant since = refreshingSince;
    return failedTicket > current.ticket()
        || (since != null && !now.isBefore(since.plus(settings.refresh())));
  }

  private void installed(Figures fresh) {
    boolean recovered;
    synchronized (lock) {
      Figures current = figures;
      if (current == null || fresh.ticket() > current.ticket()) {
        figures = fresh;
        current = fresh;
      }
      nextReadAt = current.readAt().plus(settings.refresh());
      recovered = outageLogged && fresh.ticket() > failedTicket;
      if (recovered) {
        outageLogged = false;
      }
    }
    if (recovered) {
      log.log(Level.INFO, "The status page reads the store again");
    }
  }

  private void failed(long ticket, Instant retryAt, RuntimeException error) {
    boolean first;
    synchronized (lock) {
      failedTicket = Math.max(failedTicket, ticket);
      nextReadAt = retryAt;
      first = !outageLogged;
      outageLogged = true;
    }
    if (first) {
      Figures current = figures;
      log.log(
          Level.WARNING,
          current == null
              ? "The status page cannot read the store; it answers 'figures unavailable' until it can"
              : "The status page cannot read the store; it shows the figures read at "
                  + current.readAt() + ", marked stale, until it can",
          error);
    }
  }
}
