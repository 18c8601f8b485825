package dev.trafficstatus.bench.page;

import dev.trafficstatus.bench.BenchDatabase;
import dev.trafficstatus.core.notice.NoticeIds;
import dev.trafficstatus.core.status.HealthPolicy;
import dev.trafficstatus.core.status.PageSettings;
import dev.trafficstatus.core.status.StatusService;
import dev.trafficstatus.server.statuspage.StatuspageIds;
import dev.trafficstatus.server.statuspage.StatuspageResource;
import dev.trafficstatus.server.statuspage.StatuspageView;
import dev.trafficstatus.server.statuspage.StatuspageWriter;
import dev.trafficstatus.spi.notice.Impact;
import dev.trafficstatus.spi.notice.Notice;
import dev.trafficstatus.spi.notice.NoticeKind;
import dev.trafficstatus.spi.notice.NoticeStatus;
import dev.trafficstatus.spi.notice.NoticeUpdate;
import dev.trafficstatus.spi.notice.RouteState;
import dev.trafficstatus.spi.notice.StateChange;
import dev.trafficstatus.spi.Health;
import dev.trafficstatus.spi.page.StatusPage;
import dev.trafficstatus.spi.store.NoticeStore;
import dev.trafficstatus.spi.store.StatusStore;
import dev.trafficstatus.spi.store.StoredRoute;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@code summary.json} of the Statuspage API for 100 routes over 90 days with 50 incidents (issue
 * 18's budget: under 5 ms warm), from the page service's figures read once, as the server serves
 * it: {@code projected} is the first request after a refresh (the page model cut from the figures,
 * projected and written as JSON), {@code served} every later request of the interval (the bytes
 * written before, with their entity tag). Neither touches the store: the figures, notices
 * included, are read once in the set-up, as the page's refresher reads them once per interval.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 6, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class StatuspageBenchmark {

  /** Where the figures are: {@code h2} (a file) or {@code postgresql}. */
  @Param({"h2"})
  public String database;

  /** How many routes the page shows. */
  @Param({"100"})
  public int routes;

  /** How many incidents the page tells about, each with three updates. */
  @Param({"50"})
  public int incidents;

  private static final Instant NOW = Instant.parse("2025-06-15T10:00:30Z");
  private static final int DAYS = 90;

  private BenchDatabase server;
  private StatusStore store;
  private StatusService service;
  private StatuspageResource warm;
  private StatusPage page;

  @Setup(Level.Trial)
  public void fill() throws Exception {
    FilledStore.Filled filled = FilledStore.open(BenchDatabase.Kind.of(database), NOW, routes, DAYS);
    server = filled.server();
    store = filled.store();
    NoticeStore notices = store.notices().orElseThrow(
        () -> new IllegalStateException(store.describe() + " keeps no notices"));
    List<StoredRoute> known = store.routes();
    for (int i = 0; i < incidents; i++) {
      String id = NoticeIds.derived("bench incident " + i);
      if (notices.find(id).isEmpty()) {
        notices.save(incident(id, i, known.get(i % known.size())), List.of());
      }
    }
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    PageSettings settings = PageSettings.defaults("Bench");
    service = new StatusService(store, settings, HealthPolicy.defaults(), clock);
    service.refresh();
    page = service.snapshot().page(settings.defaultDays());
    if (page.notices().size() < incidents) {
      throw new IllegalStateException("the page tells about " + page.notices().size() + " notices");
    }
    warm = new StatuspageResource(service, StatuspageIds.page("bench"), "https://status.example.com/status",
        "/status", clock);
    Response first = warm.summary(null, null);
    System.out.printf("%n[statuspage] %d routes x %d days, %d notices: summary.json %d bytes%n",
        routes, DAYS, page.notices().size(), ((byte[]) first.getEntity()).length);
  }

  private static Notice incident(String id, int i, StoredRoute route) {
    Instant opened = NOW.minus(Duration.ofHours(i + 1));
    List<NoticeUpdate> updates = new ArrayList<>();
    for (int u = 2; u >= 0; u--) {
      Instant at = opened.plus(Duration.ofMinutes(10L * u));
      updates.add(new NoticeUpdate(NoticeIds.derived(id + " update " + u),
          u == 2 && i % 2 == 1 ? NoticeStatus.RESOLVED : NoticeStatus.INVESTIGATING,
          "Update " + u + " of incident " + i + ": we are looking into the failures of " + route.name() + ".",
          at, at, false, u == 0 ? List.of(new StateChange(route.key(), Health.OPERATIONAL, Health.PARTIAL_OUTAGE))
              : List.of()));
    }
    boolean resolved = i % 2 == 1;
    return new Notice(id, NoticeKind.INCIDENT, "Incident " + i + " of " + route.name(),
        resolved ? NoticeStatus.RESOLVED : NoticeStatus.INVESTIGATING, Impact.MAJOR, false, true, opened, opened,
        opened.plus(Duration.ofMinutes(20)), null, resolved ? opened.plus(Duration.ofMinutes(20)) : null, null, null,
        List.of(new RouteState(route.key(), Health.PARTIAL_OUTAGE)), updates, 0);
  }

  @TearDown(Level.Trial)
  public void stop() throws Exception {
    store.stop();
    server.close();
  }

  /** The first request of a refresh interval: cut the page, project it, write the JSON. */
  @Benchmark
  public byte[] projected() {
    StatusPage fresh = service.snapshot().page(PageSettings.defaults("Bench").defaultDays());
    StatuspageView view = new StatuspageView(fresh, StatuspageIds.page("bench"), "https://status.example.com/status");
    return StatuspageWriter.bytes(view.summary());
  }

  /** Projecting and writing alone, from a page model already cut. */
  @Benchmark
  public byte[] projectedFromModel() {
    return StatuspageWriter.bytes(
        new StatuspageView(page, StatuspageIds.page("bench"), "https://status.example.com/status").summary());
  }

  /** Every other request of the interval, through the resource: the bytes written before. */
  @Benchmark
  public Object served() {
    return warm.summary(null, null).getEntity();
  }
}
