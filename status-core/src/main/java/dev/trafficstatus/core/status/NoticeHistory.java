package dev.trafficstatus.core.status;

import dev.trafficstatus.spi.Lifecycle;
import dev.trafficstatus.spi.notice.Notice;
import dev.trafficstatus.spi.store.NoticeStore;
import dev.trafficstatus.spi.store.StatusStore;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The incidents and maintenances of past months, for the history pages and the feeds, read on a
 * thread of its own ({@value #THREAD_NAME}) and never on a request thread (see ARCHITECTURE.md,
 * "Round two").
 *
 * <p>A request asks for a month ({@link #month}) or for one notice by id ({@link #find}, for links
 * to notices older than the page's own); it gets what was read last, at once, and when that is
 * missing or older than the page's refresh interval the read is queued for the thread. So the store
 * sees at most one read per refresh interval per month shown, however many requests come, and a
 * month nobody asks for is not read again. Until the first read of something has finished, the
 * answer is empty: the caller says "try again in a moment". A failed read keeps what was read
 * before, marked stale, and is tried again at the first request after {@link
 * PageSettings#MIN_REFRESH}.
 *
 * <p>What is kept is bounded ({@value #MAX_KEPT} months and notices, least recently asked for
 * dropped first), and so is the queue ({@value #MAX_WAITING}): a client asking for ever other ids
 * costs at most one indexed read at a time.
 */
public final class NoticeHistory implements Lifecycle {

  /** The reader thread's name. */
  public static final String THREAD_NAME = "trafficstatus-history-refresh";

  /** The most closed notices listed for one month. */
  public static final int MONTH_LIMIT = 500;

  /** How many months and looked-up notices are kept at most. */
  static final int MAX_KEPT = 64;

  /** How many reads may wait for the thread at most; more asks are dropped until it catches up. */
  static final int MAX_WAITING = 32;

  private static final Duration STOP_WAIT = Duration.ofSeconds(5);

  /**
   * One month of history as last read.
   *
   * @param month the month, in the page's time zone
   * @param closed the notices closed in the month, newest closing first
   * @param complete false when the month had more than {@value #MONTH_LIMIT} (the newest are kept)
   * @param readAt when they were read
   * @param stale whether reading them again failed since
   */
  public record Month(YearMonth month, List<Notice> closed, boolean complete, Instant readAt, boolean stale) {

    /** Checks the parts and copies the list. */
    public Month {
      Objects.requireNonNull(month, "month");
      closed = List.copyOf(closed);
      Objects.requireNonNull(readAt, "readAt");
    }
  }

  /**
   * One notice looked up by id.
   *
   * @param notice the notice, or empty when the store has none by that id
   * @param readAt when it was read
   * @param stale whether reading it again failed since
   */
  public record Lookup(Optional<Notice> notice, Instant readAt, boolean stale) {

    /** Checks the parts. */
    public Lookup {
      Objects.requireNonNull(notice, "notice");
      Objects.requireNonNull(readAt, "readAt");
    }
  }

  /** What is read: a month, or one notice. */
  private interface Key {}

  private record MonthKey(YearMonth month) implements Key {}

  private record NoticeKey(String id) implements Key {}

  /**
   * What was last read for a key.
   *
   * @param value the month's notices or the looked-up notice; null when no read succeeded yet
   * @param readAt when the value was read; null with it
   * @param ticket the ticket of the read that made this entry
   * @param failedAt when the latest read failed, null when it did not
   */
  private record Entry(Object value, Instant readAt, long ticket, Instant failedAt) {}

  private record MonthRead(List<Notice> closed, boolean complete) {}

  private final StatusStore store;
  private final Duration refresh;
  private final Duration kept;
  private final ZoneId zone;
  private final Clock clock;
  private final System.Logger log;
  private final PageRefresher reader;

  /** Guards everything below it. */
  private final Object lock = new Object();

  private final Map<Key, Entry> entries = new LinkedHashMap<>(16, 0.75f, true);
  private final Deque<Key> waiting = new ArrayDeque<>();
  private final Set<Key> queued = new HashSet<>();
  private long lastTicket;
  private long invalidatedTicket;
  private boolean outageLogged;

  private final AtomicLong generation = new AtomicLong();

  /**
   * @param store where the notices are; a store without notices has an empty history
   * @param settings the page's settings: its time zone and refresh interval
   * @param kept how long closed notices are kept: no month before that is offered
   * @param clock what "now" is
   * @param log where outages of the reads and their end are logged, once each
   */
  public NoticeHistory(
      StatusStore store, PageSettings settings, Duration kept, Clock clock, System.Logger log) {
    this.store = Objects.requireNonNull(store, "store");
    this.refresh = settings.refresh();
    this.zone = settings.zone();
    this.kept = Objects.requireNonNull(kept, "kept");
    if (kept.isNegative()) {
      throw new IllegalArgumentException("kept must not be negative, got " + kept);
    }
    this.clock = Objects.requireNonNull(clock, "clock");
    this.log = Objects.requireNonNull(log, "log");
    this.reader = new PageRefresher(THREAD_NAME, this::readWaiting);
  }

  /** Starts the reader thread and reads the current and the previous month, which the feeds show. */
  @Override
  public void start() {
    reader.start();
    YearMonth current = currentMonth();
    month(current);
    if (!current.minusMonths(1).isBefore(earliestMonth())) {
      month(current.minusMonths(1));
    }
  }

  /** Stops the reader thread, waiting a few seconds at most for a read in progress. */
  @Override
  public void stop() throws InterruptedException {
    reader.stop(STOP_WAIT);
  }

  /**
   * The month of now, in the page's time zone.
   *
   * @return the current month
   */
  public YearMonth currentMonth() {
    return YearMonth.from(clock.instant().atZone(zone));
  }

  /**
   * The oldest month whose notices may still be kept.
   *
   * @return the month {@code kept} before now, in the page's time zone
   */
  public YearMonth earliestMonth() {
    return YearMonth.from(clock.instant().minus(kept).atZone(zone));
  }

  /**
   * Tells one state of what was read from another: it grows whenever a read installs something
   * new or fails, so what is built from this history may be kept until it changes.
   *
   * @return the generation
   */
  public long generation() {
    return generation.get();
  }

  /**
   * A month as last read, at once; asks the reader thread for a read when it is missing or due.
   *
   * @param month a month from {@link #earliestMonth()} to {@link #currentMonth()}
   * @return the month, or empty until its first read has finished
   * @throws IllegalArgumentException when the month is outside those bounds
   */
  public Optional<Month> month(YearMonth month) {
    if (month.isBefore(earliestMonth()) || month.isAfter(currentMonth())) {
      throw new IllegalArgumentException(
          "month must be from " + earliestMonth() + " to " + currentMonth() + ", got " + month);
    }
    Entry entry = entry(new MonthKey(month));
    if (entry == null || entry.value() == null) {
      return Optional.empty();
    }
    MonthRead read = (MonthRead) entry.value();
    return Optional.of(
        new Month(month, read.closed(), read.complete(), entry.readAt(), entry.failedAt() != null));
  }

  /**
   * A notice looked up by id, as last read, at once; asks the reader thread for a read when it is
   * missing or due. For notices older than the page's own: the page's snapshot holds the others.
   *
   * @param id the notice's id
   * @return what the lookup found, or empty until its first read has finished
   */
  public Optional<Lookup> find(String id) {
    Objects.requireNonNull(id, "id");
    Entry entry = entry(new NoticeKey(id));
    if (entry == null || entry.value() == null) {
      return Optional.empty();
    }
    @SuppressWarnings("unchecked")
    Optional<Notice> notice = (Optional<Notice>) entry.value();
    return Optional.of(new Lookup(notice, entry.readAt(), entry.failedAt() != null));
  }

  /**
   * Makes everything read so far due, after a change through the API, so the next request for it
   * has it read again (and gets what was read before meanwhile).
   */
  public void invalidate() {
    synchronized (lock) {
      invalidatedTicket = ++lastTicket;
    }
    month(currentMonth());
  }

  private Entry entry(Key key) {
    Instant now = clock.instant();
    boolean ask = false;
    Entry entry;
    synchronized (lock) {
      entry = entries.get(key);
      if (due(entry, now) && !queued.contains(key) && waiting.size() < MAX_WAITING) {
        waiting.addLast(key);
        queued.add(key);
        ask = true;
      }
    }
    if (ask) {
      reader.request();
    }
    return entry;
  }

  private boolean due(Entry entry, Instant now) {
    if (entry == null || entry.ticket() < invalidatedTicket) {
      return true;
    }
    if (entry.failedAt() != null) {
      return !now.isBefore(entry.failedAt().plus(PageSettings.MIN_REFRESH));
    }
    return !now.isBefore(entry.readAt().plus(refresh)) || now.isBefore(entry.readAt());
  }

  /** The reader thread's work: every waiting read, one at a time. */
  private void readWaiting() {
    while (true) {
      Key key;
      long ticket;
      synchronized (lock) {
        key = Thread.currentThread().isInterrupted() ? null : waiting.pollFirst();
        if (key == null) {
          return;
        }
        ticket = ++lastTicket;
      }
      Instant now = clock.instant();
      try {
        Object value = read(key);
        install(key, new Entry(value, now, ticket, null));
      } catch (RuntimeException unreadable) {
        failed(key, ticket, now, unreadable);
      } finally {
        synchronized (lock) {
          queued.remove(key);
        }
      }
    }
  }

  private Object read(Key key) {
    Optional<NoticeStore> notices = store.notices();
    if (key instanceof NoticeKey notice) {
      return notices.flatMap(kept -> kept.find(notice.id()));
    }
    YearMonth month = ((MonthKey) key).month();
    Instant from = month.atDay(1).atStartOfDay(zone).toInstant();
    Instant to = month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
    List<Notice> closed =
        notices.isPresent() ? notices.get().closedBetween(from, to, MONTH_LIMIT + 1) : List.of();
    return closed.size() > MONTH_LIMIT
        ? new MonthRead(closed.subList(0, MONTH_LIMIT), false)
        : new MonthRead(closed, true);
  }

  private void install(Key key, Entry fresh) {
    boolean recovered;
    synchronized (lock) {
      Entry current = entries.get(key);
      if (current != null && current.ticket() > fresh.ticket()) {
        return;
      }
      keep(key, fresh);
      recovered = outageLogged;
      outageLogged = false;
    }
    generation.incrementAndGet();
    if (recovered) {
      log.log(Level.INFO, "The incident history reads the store again");
    }
  }

  private void failed(Key key, long ticket, Instant now, RuntimeException error) {
    boolean first;
    synchronized (lock) {
      Entry current = entries.get(key);
      keep(key, current == null
          ? new Entry(null, null, ticket, now)
          : new Entry(current.value(), current.readAt(), current.ticket(), now));
      first = !outageLogged;
      outageLogged = true;
    }
    generation.incrementAndGet();
    if (first) {
      log.log(Level.WARNING, "The incident history cannot read the store; it shows what it read"
          + " before, marked stale, and tries again at the next request", error);
    }
  }

  /** Keeps an entry, dropping the least recently asked for beyond the bound; holds the lock. */
  private void keep(Key key, Entry entry) {
    entries.put(key, entry);
    while (entries.size() > MAX_KEPT) {
      Iterator<Key> eldest = entries.keySet().iterator();
      eldest.next();
      eldest.remove();
    }
  }
}
