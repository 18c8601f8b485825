package dev.trafficstatus.core.status;

/** How the page groups its cards. */
public enum Grouping {
  /** By the group captures give: the resource class, or "Probes". */
  GROUP,
  /** By service, for a page that shows several services sharing one database. */
  SERVICE
}
