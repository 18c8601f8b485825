package dev.trafficstatus.server.statuspage;

import dev.trafficstatus.core.status.HealthPolicy;
import dev.trafficstatus.core.status.PageSettings;
import dev.trafficstatus.core.status.PageSnapshot;
import dev.trafficstatus.core.status.StatusService;
import dev.trafficstatus.server.statuspage.BadgeSubjects.Subject;
import dev.trafficstatus.server.statuspage.PublicResponses.Body;
import dev.trafficstatus.spi.RouteKey;
import dev.trafficstatus.spi.page.RouteGroup;
import dev.trafficstatus.spi.page.RouteStatus;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Badges of the page, a group or a route ({@link BadgeSubjects} names them): {@code <name>.json}
 * for shields.io's endpoint badge ({@code https://img.shields.io/endpoint?url=…}) and {@code
 * <name>.svg} drawn here ({@link SvgBadge}, {@code ?style=flat-square} for square corners). Without
 * a query a badge shows the current state; with {@code ?days=N} the uptime over the last N days
 * (1 to the page's {@code maxDays}), as the page computes it. An unknown name is a 404 in JSON.
 * Served under {@code <page prefix>/badge/} by {@link StatuspageRoutes}; the {@code @Path} here is
 * a placeholder.
 *
 * <p>As the Statuspage API, every badge is a projection of the page service's snapshot, written
 * once per version of the figures, with an {@code ETag}, a {@code Cache-Control} as the page's and
 * {@code Access-Control-Allow-Origin: *}. Uptime over a window other than the page's default is
 * computed once per window and version, so at most {@code maxDays} windows are computed per
 * refresh however many requests ask.
 */
@Path("/")
public final class BadgeResource {

  private static final String SVG = "image/svg+xml;charset=utf-8";
  private static final int BODIES_KEPT = 4_096;

  private record Key(String file, int days, SvgBadge.Style style) {}

  /** Successes and failures of a subject over a window. */
  private record Counted(long successes, long failures) {}

  private final StatusService service;
  private final HealthPolicy policy;
  private final Clock clock;
  private final SvgBadge svg = new SvgBadge(TextWidths.dejaVuSans());
  private final ProjectionCache<String, BadgeSubjects> subjects = new ProjectionCache<>(1);
  private final ProjectionCache<Integer, Map<RouteKey, Counted>> windows;
  private final ProjectionCache<Key, Body> bodies = new ProjectionCache<>(BODIES_KEPT);

  /**
   * @param service the page's figures
   * @param policy the page's health thresholds, which colour uptime as they judge it
   * @param clock what "now" is
   */
  public BadgeResource(StatusService service, HealthPolicy policy, Clock clock) {
    this.service = Objects.requireNonNull(service, "service");
    this.policy = Objects.requireNonNull(policy, "policy");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.windows = new ProjectionCache<>(service.settings().maxDays());
  }

  /** A badge: {@code <name>.json} or {@code <name>.svg}. */
  @GET
  @Path("{file}")
  public Response badge(
      @PathParam("file") String file,
      @QueryParam("days") String daysParam,
      @QueryParam("style") String styleParam,
      @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
    boolean json = file.endsWith(".json");
    if (!json && !file.endsWith(".svg")) {
      return notFound(file);
    }
    String name = file.substring(0, file.lastIndexOf('.'));
    PageSettings settings = service.settings();
    int days = 0;
    if (daysParam != null) {
      try {
        days = Integer.parseInt(daysParam.strip());
      } catch (NumberFormatException notANumber) {
        days = -1;
      }
      if (days < 1 || days > settings.maxDays()) {
        return PublicResponses.error(Response.Status.BAD_REQUEST,
            "days must be a whole number from 1 to " + settings.maxDays()).build();
      }
    }
    SvgBadge.Style style = SvgBadge.Style.named(styleParam);
    if (style == null) {
      return PublicResponses.error(Response.Status.BAD_REQUEST, "style must be flat or flat-square")
          .build();
    }
    PageSnapshot snapshot = service.snapshot();
    if (!snapshot.available()) {
      return PublicResponses.unavailable(PageSettings.MIN_REFRESH);
    }
    long version = snapshot.version();
    BadgeSubjects known = subjects.get(version, "", () -> {
      var page = snapshot.page(settings.defaultDays());
      return new BadgeSubjects(page, new StatuspageView(page, "", ""));
    });
    Subject subject = known.named(name).orElse(null);
    if (subject == null) {
      return notFound(file);
    }
    int window = days;
    Key key = new Key(file, window, json ? SvgBadge.Style.FLAT : style);
    Body body = bodies.get(version, key, () -> {
      String[] text = window == 0
          ? new String[] {subject.message(), subject.color()}
          : uptime(subject, windows.get(version, window, () -> counted(snapshot, window)), window);
      return json
          ? Body.of(shields(subject.label(), text[0], text[1], settings), "application/json")
          : Body.of(svg.draw(subject.label(), text[0], SvgBadge.hex(text[1]), key.style()), SVG);
    });
    return PublicResponses.body(body, snapshot, clock.instant(), ifNoneMatch);
  }

  private static Map<RouteKey, Counted> counted(PageSnapshot snapshot, int days) {
    Map<RouteKey, Counted> counts = new HashMap<>();
    for (RouteGroup group : snapshot.page(days).groups()) {
      for (RouteStatus route : group.routes()) {
        counts.put(route.key(), new Counted(route.successes(), route.failures()));
      }
    }
    return counts;
  }

  /** The message and colour of an uptime: floored to two decimals, as the page shows it. */
  private String[] uptime(Subject subject, Map<RouteKey, Counted> counts, int days) {
    long successes = 0;
    long failures = 0;
    for (RouteKey route : subject.routes()) {
      Counted counted = counts.get(route);
      if (counted != null) {
        successes += counted.successes();
        failures += counted.failures();
      }
    }
    String window = " (" + days + (days == 1 ? " day)" : " days)");
    if (successes + failures == 0) {
      return new String[] {"no data" + window, "lightgrey"};
    }
    BigDecimal percent = BigDecimal.valueOf(successes).multiply(BigDecimal.valueOf(100))
        .divide(BigDecimal.valueOf(successes + failures), 2, RoundingMode.FLOOR);
    if (failures > 0 && percent.compareTo(BigDecimal.valueOf(100)) == 0) {
      percent = new BigDecimal("99.99");
    }
    double uptime = 100.0 * successes / (successes + failures);
    String color = uptime >= policy.degradedBelow() ? "brightgreen"
        : uptime >= policy.partialOutageBelow() ? "yellow"
        : uptime >= policy.majorOutageBelow() ? "orange"
        : "red";
    return new String[] {percent.toPlainString() + "%" + window, color};
  }

  /** shields.io's endpoint schema, and only its keys. */
  private static byte[] shields(String label, String message, String color, PageSettings settings) {
    Map<String, Object> badge = new LinkedHashMap<>();
    badge.put("schemaVersion", 1);
    badge.put("label", SvgBadge.clean(label));
    badge.put("message", message);
    badge.put("color", color);
    badge.put("cacheSeconds", settings.refresh().toSeconds());
    return StatuspageWriter.bytes(badge);
  }

  private static Response notFound(String file) {
    return PublicResponses.error(Response.Status.NOT_FOUND,
        "No badge " + printable(file) + ": ask for page.json, group-<group>.json,"
            + " <service>-<route>.json or a component id from the Statuspage API, or .svg alike")
        .build();
  }

  private static String printable(String given) {
    String clean = given.replaceAll("[\\p{Cc}\\p{Cf}\\p{Cs}]", "?");
    return "'" + (clean.codePointCount(0, clean.length()) > 60
        ? clean.substring(0, clean.offsetByCodePoints(0, 60)) + "…" : clean) + "'";
  }
}
