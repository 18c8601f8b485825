package dev.trafficstatus.views.mustache;

import dev.trafficstatus.spi.PluginContext;
import dev.trafficstatus.spi.RouteKey;
import dev.trafficstatus.spi.page.DayStatus;
import dev.trafficstatus.spi.Health;
import dev.trafficstatus.spi.page.Latency;
import dev.trafficstatus.spi.page.PageLinks;
import dev.trafficstatus.spi.page.PageRenderer;
import dev.trafficstatus.spi.page.RouteGroup;
import dev.trafficstatus.spi.page.RouteStatus;
import dev.trafficstatus.spi.page.StatusPage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntFunction;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathExpressionException;
import javax.xml.xpath.XPathFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/** Seeded page models, a renderer to render them with, and an XML view of the result. */
final class PageFixtures {

  static final Instant NOW = Instant.parse("2025-03-10T14:03:07.250Z");

  static final LocalDate TODAY = LocalDate.of(2025, 3, 10);

  static final PageLinks LINKS = new PageLinks("/status", "/status/assets/");

  static final Latency FAST = new Latency(
      Duration.ofMillis(12), Duration.ofMillis(40), Duration.ofMillis(120));

  private PageFixtures() {}

  /** A renderer with the default configuration, built the way the server builds it. */
  static PageRenderer renderer() {
    return new MustacheRendererFactory().build(new FixedContext());
  }

  /** A day with enough requests for a verdict. */
  static DayStatus day(LocalDate day, Health health, long requests, long failures) {
    double uptime = 100.0 * (requests - failures) / requests;
    return new DayStatus(day, health, requests, failures, uptime, FAST);
  }

  /** A day with enough requests for a verdict, some of them ignored (counted neither way). */
  static DayStatus day(LocalDate day, Health health, long requests, long failures, long ignored) {
    long successes = requests - failures - ignored;
    double uptime = 100.0 * successes / (successes + failures);
    return new DayStatus(day, health, requests, successes, failures, ignored, uptime, FAST);
  }

  /** A day below the minimum request count. */
  static DayStatus noData(LocalDate day, long requests) {
    return new DayStatus(
        day, Health.NO_DATA, requests, 0, requests == 0 ? null : 100.0, requests == 0 ? null : FAST);
  }

  /** A window of {@code days} days ending today, each built by {@code dayAt(offset from first)}. */
  static List<DayStatus> window(int days, IntFunction<DayStatus> dayAt) {
    List<DayStatus> list = new ArrayList<>(days);
    for (int i = 0; i < days; i++) {
      list.add(dayAt.apply(i));
    }
    return list;
  }

  /** A route whose days are all operational with 1,000 requests and no failures. */
  static RouteStatus healthyRoute(String rule, String name, String doc, int days) {
    LocalDate first = TODAY.minusDays(days - 1L);
    return route(rule, name, doc, Health.OPERATIONAL, 100.0, days * 1_000L, 0,
        window(days, i -> day(first.plusDays(i), Health.OPERATIONAL, 1_000, 0)));
  }

  static RouteStatus route(
      String rule, String name, String doc, Health current, Double uptime, long requests,
      long failures, List<DayStatus> days) {
    return new RouteStatus(
        new RouteKey("orders", rule), name, doc, current, uptime, requests, failures, FAST, days);
  }

  static StatusPage page(String title, Health overall, String headline, ZoneId zone, int days,
      List<RouteGroup> groups) {
    return new StatusPage(title, overall, headline, NOW, zone, TODAY.minusDays(days - 1L), TODAY,
        365, 10, Duration.ofSeconds(60), groups);
  }

  /**
   * The page most tests look at: 90 days, Europe/Berlin, two groups; the "Orders" route has a
   * busy day today, an outage, a degraded day and two days without data.
   */
  static StatusPage seeded() {
    LocalDate first = TODAY.minusDays(89);
    List<DayStatus> orderDays = window(90, i -> {
      LocalDate date = first.plusDays(i);
      if (i == 0) {
        return noData(date, 0);
      }
      if (i == 10) {
        return noData(date, 3);
      }
      if (i == 20) {
        return day(date, Health.MAJOR_OUTAGE, 2_000, 1_500);
      }
      if (i == 30) {
        return day(date, Health.DEGRADED, 10_000, 15);
      }
      if (i == 89) {
        return day(date, Health.OPERATIONAL, 12_345, 2, 43);
      }
      return day(date, Health.OPERATIONAL, 1_000, 0);
    });
    RouteStatus orders = new RouteStatus(new RouteKey("orders", "/orders/{id}"), "Orders",
        "Looks up one order by its id.", Health.OPERATIONAL, 99.955, 200_000, 199_767, 90, 143,
        FAST, orderDays);
    RouteStatus payments = route("/payments", "Payments", "", Health.DEGRADED, 99.999, 1_000_000,
        10, window(90, i -> day(first.plusDays(i), Health.OPERATIONAL, 1_000, 0)));
    RouteStatus probe = healthyRoute("https://example.com/health", "Example probe",
        "An HTTP probe of the example site.", 90);
    return page("Orders API", Health.DEGRADED, "Degraded Performance", ZoneId.of("Europe/Berlin"),
        90, List.of(
            new RouteGroup("OrdersResource", List.of(orders, payments)),
            new RouteGroup("Probes", List.of(probe))));
  }

  static String render(PageRenderer renderer, StatusPage page) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      renderer.render(page, LINKS, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  /** Parses the page as XML, which it must be; fails the test when it is not. */
  static Html parse(String page) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
      factory.setExpandEntityReferences(false);
      DocumentBuilder builder = factory.newDocumentBuilder();
      builder.setErrorHandler(null);
      Document document =
          builder.parse(new ByteArrayInputStream(page.getBytes(StandardCharsets.UTF_8)));
      return new Html(document);
    } catch (ParserConfigurationException | SAXException | IOException e) {
      throw new AssertionError("the page is not well-formed XML: " + e.getMessage(), e);
    }
  }

  /** A parsed page with XPath look-ups. */
  static final class Html {

    private final Document document;

    private final XPath xpath = XPathFactory.newInstance().newXPath();

    Html(Document document) {
      this.document = document;
    }

    Document document() {
      return document;
    }

    List<Element> all(String expression) {
      return all(document, expression);
    }

    List<Element> all(Object context, String expression) {
      try {
        NodeList nodes = (NodeList) xpath.evaluate(expression, context, XPathConstants.NODESET);
        List<Element> elements = new ArrayList<>(nodes.getLength());
        for (int i = 0; i < nodes.getLength(); i++) {
          elements.add((Element) nodes.item(i));
        }
        return elements;
      } catch (XPathExpressionException e) {
        throw new IllegalArgumentException(expression, e);
      }
    }

    Element one(String expression) {
      return one(document, expression);
    }

    Element one(Object context, String expression) {
      List<Element> found = all(context, expression);
      if (found.size() != 1) {
        throw new AssertionError("expected one match of " + expression + ", found " + found.size());
      }
      return found.get(0);
    }

    /** The element's text with runs of white space collapsed, as a browser shows it. */
    static String text(Element element) {
      return element.getTextContent().replaceAll("\\s+", " ").strip();
    }
  }

  /** What a server would hand the factory; the renderer needs none of it. */
  static final class FixedContext implements PluginContext {

    @Override
    public String service() {
      return "orders";
    }

    @Override
    public String instance() {
      return "test";
    }

    @Override
    public Clock clock() {
      return Clock.fixed(NOW, ZoneOffset.UTC);
    }

    @Override
    public <T> Optional<T> host(Class<T> type) {
      return Optional.empty();
    }
  }
}
