package dev.trafficstatus.views.mustache;

import dev.trafficstatus.spi.page.DeployMarker;
import dev.trafficstatus.spi.page.StatusPage;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/**
 * Which squares a deploy marks: every square of its service's routes on its UTC day, with the
 * deploy in the square's tooltip. Built once per render, so each square costs one look-up.
 */
final class DeployTips {

  private static final String SEPARATOR = " · ";

  private final Map<String, Map<LocalDate, String>> byService = new HashMap<>();

  private DeployTips() {}

  /**
   * Indexes a page's deploys by service and day.
   *
   * @param page the page
   * @param words the texts of the page's language
   * @return the index
   */
  static DeployTips of(StatusPage page, Words words) {
    DeployTips index = new DeployTips();
    for (DeployMarker deploy : page.deploys()) {
      String text = words.format("deployed",
          deploy.version() != null ? Figures.isolated(deploy.version()) : words.text("new_version"),
          Figures.time(deploy.at(), page.zone()), words.counted(deploy.instances(), "instance"));
      index.byService.computeIfAbsent(deploy.service(), s -> new HashMap<>())
          .merge(deploy.day(), text, (earlier, later) -> earlier + SEPARATOR + later);
    }
    return index;
  }

  /**
   * The text a square's tooltip adds for the deploys of its day.
   *
   * @param service the square's route's service
   * @param day the square's UTC day
   * @return such as {@code " · 1.4.2 deployed 14:02 UTC on 3 instances"}; empty when none
   */
  String suffix(String service, LocalDate day) {
    Map<LocalDate, String> days = byService.get(service);
    String text = days == null ? null : days.get(day);
    return text == null ? "" : SEPARATOR + text;
  }

  /**
   * The text a week's square adds for the deploys of its days, in day order.
   *
   * @param service the square's route's service
   * @param first the week's first day in the window
   * @param last the week's last day in the window
   * @return such as {@code " · 1.4.2 deployed 14:02 UTC on 3 instances"}; empty when none
   */
  String suffix(String service, LocalDate first, LocalDate last) {
    Map<LocalDate, String> days = byService.get(service);
    if (days == null) {
      return "";
    }
    StringBuilder text = new StringBuilder();
    for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
      String deployed = days.get(day);
      if (deployed != null) {
        text.append(SEPARATOR).append(deployed);
      }
    }
    return text.toString();
  }
}
