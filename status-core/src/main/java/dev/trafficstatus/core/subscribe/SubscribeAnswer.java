package dev.trafficstatus.core.subscribe;

/**
 * What the subscribe form answers. The same for an address that is new, pending, confirmed, or
 * asked for too often: whether a mail goes out is not told, so the form reveals nothing about
 * who subscribed.
 */
public enum SubscribeAnswer {
  /** "If the address can be subscribed, a confirmation mail is on its way." */
  ACCEPTED,
  /** The address is not a mail address (or a route is not one): nothing done. */
  INVALID,
  /** This client asked too often: nothing done; try again later. */
  TOO_MANY_REQUESTS
}
