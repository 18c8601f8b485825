package dev.trafficstatus.spi.page;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** How the objectives page lists the objectives ({@code ?sort=} on its address). */
public enum ObjectiveOrder {
  /** As configured. */
  CONFIGURED,
  /** The least remaining budget first (overspent first); objectives without requests last. */
  REMAINING;

  /**
   * The order a query parameter names.
   *
   * @param sort {@code remaining}, {@code configured}, or null or blank for configured
   * @return the order
   * @throws IllegalArgumentException naming the accepted values
   */
  public static ObjectiveOrder parse(String sort) {
    if (sort == null || sort.isBlank()) {
      return CONFIGURED;
    }
    for (ObjectiveOrder order : values()) {
      if (order.wireName().equals(sort.strip())) {
        return order;
      }
    }
    throw new IllegalArgumentException("sort must be remaining or configured");
  }

  /**
   * The order as the query parameter spells it.
   *
   * @return such as {@code remaining}
   */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Sorts objectives.
   *
   * @param objectives the objectives, as configured
   * @return a sorted copy
   */
  public List<ObjectiveStatus> sort(List<ObjectiveStatus> objectives) {
    List<ObjectiveStatus> sorted = new ArrayList<>(objectives);
    switch (this) {
      case CONFIGURED -> { }
      case REMAINING -> sorted.sort(Comparator.comparing(ObjectiveStatus::remainingPercent,
          Comparator.nullsLast(Comparator.naturalOrder())));
    }
    return List.copyOf(sorted);
  }
}
