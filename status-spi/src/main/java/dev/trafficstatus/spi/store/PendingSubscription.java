package dev.trafficstatus.spi.store;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A subscription waiting for its address to be confirmed: nothing but the confirmation mail goes
 * to it.
 *
 * @param id the subscriber id it will have, 12 lower-case base-36 characters
 * @param address the mail address (trimmed, lower case)
 * @param routes the rules of the routes asked about; empty for all
 * @param confirmationHash the SHA-256 of the single-use confirmation token, hex: the token itself
 *     is only in the mail, so a copy of the database confirms nobody
 * @param unsubscribeToken the token of the unsubscribe link the subscriber will get
 * @param createdAt when it was asked for
 * @param expiresAt after when the confirmation link no longer works and the store may forget it
 */
public record PendingSubscription(
    String id,
    String address,
    List<String> routes,
    String confirmationHash,
    String unsubscribeToken,
    Instant createdAt,
    Instant expiresAt) {

  /** Checks the parts are present and copies the routes. */
  public PendingSubscription {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(address, "address");
    routes = List.copyOf(routes);
    Objects.requireNonNull(confirmationHash, "confirmationHash");
    Objects.requireNonNull(unsubscribeToken, "unsubscribeToken");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(expiresAt, "expiresAt");
    if (!expiresAt.isAfter(createdAt)) {
      throw new IllegalArgumentException("a pending subscription expires after it was created");
    }
  }
}
