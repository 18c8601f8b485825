package dev.trafficstatus.core.objective;

/** What an objective covers. */
public enum ScopeKind {
  /** One route, by its rule. */
  ROUTE,
  /** Every route of a group (the page's group names). */
  GROUP,
  /** Every route of a service. */
  SERVICE
}
