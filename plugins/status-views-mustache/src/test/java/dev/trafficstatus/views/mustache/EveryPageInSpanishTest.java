package dev.trafficstatus.views.mustache;

import static dev.trafficstatus.views.mustache.PageFixtures.Html.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficstatus.spi.Health;
import dev.trafficstatus.spi.RouteKey;
import dev.trafficstatus.spi.notice.Notice;
import dev.trafficstatus.spi.notice.NoticeUpdate;
import dev.trafficstatus.spi.page.DeployMarker;
import dev.trafficstatus.spi.page.HistoryPage;
import dev.trafficstatus.spi.page.IncompleteFigures;
import dev.trafficstatus.spi.page.NoticePage;
import dev.trafficstatus.spi.page.ObjectiveOrder;
import dev.trafficstatus.spi.page.ObjectiveStatus;
import dev.trafficstatus.spi.page.ObjectivesPage;
import dev.trafficstatus.spi.page.PageLinks;
import dev.trafficstatus.spi.page.PageRenderer;
import dev.trafficstatus.spi.page.RenderOptions;
import dev.trafficstatus.spi.page.RouteGroup;
import dev.trafficstatus.spi.page.RouteStatus;
import dev.trafficstatus.spi.page.StatusPage;
import dev.trafficstatus.views.mustache.PageFixtures.Html;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * The pages beside the status page in Spanish (issue 21): an incident's page, the history's months
 * and the objectives page, with every text from the bundles and dates and numbers written the
 * Spanish way; and no English word of the bundles left in any Spanish render.
 */
class EveryPageInSpanishTest {

  private static final Locale SPANISH = Locale.forLanguageTag("es");

  private static final StatusPage PAGE = NoticeFixtures.seededWithAll();

  private static final RouteKey ORDERS = new RouteKey("orders", "/orders/{id}");

  private final PageRenderer renderer = PageFixtures.renderer();

  /** 1,000,000 requests at 99.9 %: 1,000 allowed, 250 spent, 75 % left; burning 14.4x. */
  private static ObjectiveStatus checkout(boolean alerting) {
    List<Double> days = new ArrayList<>(Arrays.asList(null, null));
    for (int i = 2; i <= 30; i++) {
      days.add(100.0 - i);
    }
    return new ObjectiveStatus("checkout", "availability", 99.9, null, 30, List.of(ORDERS), 99.975,
        1_000, 250, 75.0, 14.4, Duration.ofMinutes(2_250), alerting, days);
  }

  private static ObjectiveStatus spentLatency() {
    return new ObjectiveStatus("fast-orders", "latency", 99.5, Duration.ofMillis(250), 7,
        List.of(ORDERS), 98.2, 50, 180, -260.0, 3.5, null, false, new ArrayList<>(Arrays.asList(new Double[8])));
  }

  private static ObjectiveStatus quiet() {
    return new ObjectiveStatus("quiet", "latency", 99, Duration.ofMillis(300), 30, List.of(ORDERS),
        null, 0, 0, null, null, null, false, new ArrayList<>(Arrays.asList(new Double[31])));
  }

  private String notice(Notice notice, Locale locale, boolean stale) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    renderer.renderNotice(new NoticePage(PAGE.title(), notice, PAGE.routeNames(), PAGE.generatedAt(),
        PAGE.zone(), Duration.ofMinutes(1), stale), PageFixtures.LINKS, locale, out);
    return out.toString(StandardCharsets.UTF_8);
  }

  private String history(YearMonth month, List<Notice> notices, boolean complete, Locale locale)
      throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    renderer.renderHistory(new HistoryPage(PAGE.title(), month, notices, complete,
        YearMonth.of(2024, 2), YearMonth.of(2025, 3), PAGE.routeNames(), PAGE.generatedAt(),
        PAGE.zone(), Duration.ofMinutes(1), true), PageFixtures.LINKS, locale, out);
    return out.toString(StandardCharsets.UTF_8);
  }

  private String objectives(ObjectiveOrder order, List<ObjectiveStatus> objectives, Locale locale)
      throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    renderer.renderObjectives(new ObjectivesPage(PAGE.title(), objectives, order, PAGE.routeNames(),
        PAGE.generatedAt(), PAGE.zone(), Duration.ofMinutes(1), true), PageFixtures.LINKS, locale, out);
    return out.toString(StandardCharsets.UTF_8);
  }

  private String statusPage(Locale locale) throws IOException {
    StatusPage page = busiestPage();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    renderer.render(page, new PageLinks("/status", "/status/assets/", true), RenderOptions.in(locale), out);
    return out.toString(StandardCharsets.UTF_8);
  }

  private String subscribePage(Locale locale) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    renderer.renderSubscribe(busiestPage(), new PageLinks("/status", "/status/assets/", true), locale, out);
    return out.toString(StandardCharsets.UTF_8);
  }

  /** Every notice, objectives, a silent instance, deploys and more notices on one day than are named. */
  private static StatusPage busiestPage() {
    StatusPage page = PAGE;
    String service = page.groups().get(0).routes().get(0).key().service();
    List<Notice> notices = new ArrayList<>(page.notices());
    for (int i = 0; i < 4; i++) {
      notices.add(NoticeFixtures.incident("manyonday00" + i, "Same day " + i, "Another one."));
    }
    return new StatusPage(page.title(), page.overall(), page.headline(), page.generatedAt(),
        page.zone(), page.firstDay(), page.lastDay(), page.maxDays(), page.minimumRequests(),
        page.refresh(), page.groups(), true, notices, true,
        List.of(checkout(true), spentLatency(), quiet()),
        List.of(new IncompleteFigures(service, 2, 12, Duration.ofMinutes(5))),
        List.of(new DeployMarker(service, "1.4.2", PageFixtures.NOW, 3),
            new DeployMarker(service, null, PageFixtures.NOW, 1)));
  }

  @Test
  void anIncidentsPageInSpanish() throws IOException {
    Html page = PageFixtures.parse(notice(NoticeFixtures.CHECKOUT, SPANISH, false));

    assertThat(page.one("/*").getAttribute("lang")).isEqualTo("es");
    assertThat(text(page.one("//nav[@class='trail']"))).isEqualTo("Orders API › Historial de incidentes › Incidente");
    assertThat(text(page.one("//p[@class='notice-meta']"))).isEqualTo("Incidente grave · Identificado");
    assertThat(text(page.one("//p[@class='notice-when']")))
        .isEqualTo("Comenzó: 10 de marzo de 2025, 13:00 CET · en curso desde hace 2 h 3 min");
    assertThat(text(page.one("//h2[@id='affected-heading']"))).isEqualTo("Rutas afectadas");
    assertThat(text(page.one("//p[@class='notice-affected']"))).isEqualTo("Afecta a Payments y 1 ruta más");
    assertThat(page.all("//ul[@class='affected-list']/li")).extracting(Html::text)
        .containsExactly("Payments Último estado informado: Interrupción parcial");
    List<Element> updates = page.all("//ol[@class='timeline']/li");
    assertThat(page.all(updates.get(1), ".//p[@class='update-change']")).extracting(Html::text)
        .containsExactly("Payments: Operativo → Interrupción parcial", "Cambió 1 ruta más");
    assertThat(text(page.one(updates.get(1), ".//p[@class='update-time']")))
        .isEqualTo("10 de marzo de 2025, 13:01 CET · Publicado automáticamente a partir del tráfico");
    assertThat(text(page.one("//p[@class='meta']")))
        .isEqualTo("Última actualización 10 de marzo de 2025, 15:03:07 CET (Europe/Berlin)");

    Html maintenance = PageFixtures.parse(notice(NoticeFixtures.SWITCH, SPANISH, true));
    assertThat(text(maintenance.one("//p[@class='notice-when']")))
        .isEqualTo("En curso desde: 10 de marzo de 2025, 14:00 CET · previsto hasta: 16:00 CET");
    assertThat(text(maintenance.one("//p[@id='stale']")))
        .isEqualTo("A las 15:03 CET: la base de datos de estado no responde");
  }

  @Test
  void aMonthOfHistoryInSpanish() throws IOException {
    Html march = PageFixtures.parse(history(YearMonth.of(2025, 3),
        List.of(NoticeFixtures.CHECKOUT, NoticeFixtures.SLOW_ORDERS), false, SPANISH));

    assertThat(march.one("/*").getAttribute("lang")).isEqualTo("es");
    assertThat(text(march.one("//head/title"))).isEqualTo("Historial de incidentes, marzo de 2025 · Orders API");
    assertThat(text(march.one("//h1"))).isEqualTo("Historial de incidentes");
    assertThat(text(march.one("//h2[@class='month']"))).isEqualTo("marzo de 2025");
    assertThat(text(march.one("//a[@rel='prev']"))).isEqualTo("← febrero de 2025");
    assertThat(text(march.one("//p[@class='incomplete']")))
        .isEqualTo("Solo se muestran los 2 incidentes y mantenimientos más recientes de marzo de 2025.");
    assertThat(march.all("//article//p[@class='notice-when']")).extracting(Html::text).contains(
        "Comenzó: 8 de marzo de 2025, 10:00 CET · resuelto: 11:10 CET · duró 1 h 10 min");

    Html february = PageFixtures.parse(history(YearMonth.of(2025, 2), List.of(), true, SPANISH));
    assertThat(text(february.one("//p[@class='quiet']"))).isEqualTo("No se registraron incidentes en febrero de 2025.");
  }

  @Test
  void theObjectivesPageInSpanish() throws IOException {
    Html page = PageFixtures.parse(objectives(ObjectiveOrder.REMAINING,
        List.of(spentLatency(), checkout(true)), SPANISH));

    assertThat(page.one("/*").getAttribute("lang")).isEqualTo("es");
    assertThat(text(page.one("//h1"))).isEqualTo("Objetivos");
    assertThat(text(page.one("//nav[@class='sort']")))
        .isEqualTo("Según la configuración · Primero los de menos presupuesto restante");
    List<Element> cards = page.all("//article[contains(@class, 'objective-card')]");
    assertThat(text(cards.get(1))).contains(
        "Objetivo checkout: disponibilidad del 99,9 % en 30 días",
        "Consumo acelerado",
        "99,97 % alcanzado",
        "Queda el 75,0 % del presupuesto de errores (750 de 1.000 solicitudes)",
        "Consumo de 14,4× en la última hora; a este ritmo se agota en 1 día 13 h");
    assertThat(text(cards.get(0))).contains(
        "Objetivo fast-orders: 99,5 % en menos de 250 ms en 7 días",
        "Presupuesto de errores agotado (180 fallidas de 50 permitidas)");
  }

  @Test
  void noEnglishWordOfTheBundlesIsLeftInASpanishRender() throws IOException {
    Set<String> english = englishOnlyWords();
    // The check itself must see English where it is: every English render has some of these words.
    assertThat(leftovers(statusPage(Locale.ENGLISH), english)).isNotEmpty();
    assertThat(leftovers(subscribePage(Locale.ENGLISH), english)).isNotEmpty();

    List<String> renders = new ArrayList<>();
    renders.add(statusPage(SPANISH));
    renders.add(subscribePage(SPANISH));
    for (Notice notice : PAGE.notices()) {
      renders.add(notice(notice, SPANISH, true));
    }
    renders.add(notice(NoticeFixtures.incident("everywhere01", "Down", "Everything."), SPANISH, false));
    renders.add(history(YearMonth.of(2025, 3), PAGE.notices(), false, SPANISH));
    renders.add(history(YearMonth.of(2025, 2), List.of(), true, SPANISH));
    for (ObjectiveOrder order : ObjectiveOrder.values()) {
      renders.add(objectives(order, List.of(checkout(true), spentLatency(), quiet()), SPANISH));
    }
    renders.add(objectives(ObjectiveOrder.CONFIGURED, List.of(), SPANISH));
    for (String render : renders) {
      String title = render.substring(render.indexOf("<title>"), render.indexOf("</title>"));
      assertThat(leftovers(render, english)).as("English words in %s", title).isEmpty();
    }
  }

  /** The words of the English bundle that the Spanish one never uses, four letters or more. */
  private static Set<String> englishOnlyWords() throws IOException {
    Set<String> words = words(bundle("messages.properties"));
    words.removeAll(words(bundle("messages_es.properties")));
    return words;
  }

  private static Set<String> words(Properties bundle) {
    Set<String> words = new TreeSet<>();
    for (String key : bundle.stringPropertyNames()) {
      for (String word : bundle.getProperty(key).split("[^\\p{L}]+")) {
        if (word.length() >= 4) {
          words.add(word.toLowerCase(Locale.ROOT));
        }
      }
    }
    return words;
  }

  /** The bundle's English words a reader sees in a render, data (names, bodies, rules) left out. */
  private static Set<String> leftovers(String render, Set<String> english) {
    StringBuilder seen = new StringBuilder();
    visible(PageFixtures.parse(render).document().getDocumentElement(), seen);
    String shown = seen.toString();
    List<String> data = new ArrayList<>(data(busiestPage()));
    data.add("Everything.");
    data.sort(Comparator.comparingInt(String::length).reversed());
    for (String value : data) {
      shown = shown.replace(value, " ");
    }
    Set<String> found = new TreeSet<>();
    for (String word : shown.split("[^\\p{L}]+")) {
      if (english.contains(word.toLowerCase(Locale.ROOT))) {
        found.add(word);
      }
    }
    return found;
  }

  /** Text a reader sees: text outside scripts, and the attributes browsers show. */
  private static void visible(Node node, StringBuilder seen) {
    if (node.getNodeType() == Node.TEXT_NODE) {
      seen.append(node.getNodeValue()).append('\n');
      return;
    }
    if (node.getNodeType() != Node.ELEMENT_NODE || node.getNodeName().equals("script")) {
      return;
    }
    NamedNodeMap attributes = node.getAttributes();
    for (String shown : List.of("title", "aria-label", "placeholder", "alt")) {
      Node attribute = attributes.getNamedItem(shown);
      if (attribute != null) {
        seen.append(attribute.getNodeValue()).append('\n');
      }
    }
    for (Node child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
      visible(child, seen);
    }
  }

  /** What the page shows as written: names, rules, documentation, notices' names and bodies. */
  private static List<String> data(StatusPage page) {
    List<String> data = new ArrayList<>(List.of(page.title()));
    for (RouteGroup group : page.groups()) {
      data.add(group.name());
      for (RouteStatus route : group.routes()) {
        data.addAll(List.of(route.name(), route.key().rule(), route.key().service(), route.doc()));
      }
    }
    for (Notice notice : page.notices()) {
      data.add(notice.name());
      notice.updates().stream().map(NoticeUpdate::body).forEach(data::add);
    }
    page.objectives().forEach(objective -> data.add(objective.name()));
    data.add(NoticeFixtures.FIX_URL);
    data.removeIf(String::isBlank);
    return data;
  }

  private static Properties bundle(String name) throws IOException {
    Properties properties = new Properties();
    try (InputStream in = EveryPageInSpanishTest.class.getResourceAsStream(name)) {
      properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return properties;
  }

  @Test
  void theStatesOfHealthAreTheSameWordsInEnglishAsTheModelsLabels() {
    Words english = Words.of(Locale.ENGLISH);
    for (Health health : Health.values()) {
      assertThat(english.state(health)).isEqualTo(health.label());
    }
  }
}
