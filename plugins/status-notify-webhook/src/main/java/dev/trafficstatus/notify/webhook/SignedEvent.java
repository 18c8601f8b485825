package dev.trafficstatus.notify.webhook;

import dev.trafficstatus.spi.notify.Notification;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The generic webhook's message: the event's JSON as it is, with {@code Idempotency-Key: <event
 * id>}, {@code X-Status-Event: <type>} and {@code X-Status-Signature: t=<unix seconds>,v1=<hex
 * HMAC-SHA256 of "<t>.<body>" keyed with the secret>}, the scheme Stripe's and GitHub's users know:
 * the receiver recomputes it over the raw body and compares in constant time, and refuses old
 * timestamps against replays (README.md, "Notifications").
 */
final class SignedEvent implements HookMessage {

  private static final String ALGORITHM = "HmacSHA256";

  private final byte[] secret;
  private final Clock clock;

  /**
   * @param secret the shared secret
   * @param clock the time the signature carries
   */
  SignedEvent(String secret, Clock clock) {
    this.secret = Objects.requireNonNull(secret, "secret").getBytes(StandardCharsets.UTF_8);
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public String body(Notification notification) {
    return notification.json();
  }

  @Override
  public Map<String, String> headers(Notification notification, String body) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Idempotency-Key", notification.id());
    headers.put("X-Status-Event", notification.type().wireName());
    headers.put("X-Status-Signature", signature(clock.instant().getEpochSecond(), body));
    return headers;
  }

  /**
   * The signature header's value.
   *
   * @param seconds the Unix time it is made at
   * @param body the exact body sent
   * @return {@code t=<seconds>,v1=<hex>}
   */
  String signature(long seconds, String body) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(new SecretKeySpec(secret, ALGORITHM));
      mac.update((seconds + ".").getBytes(StandardCharsets.UTF_8));
      byte[] digest = mac.doFinal(body.getBytes(StandardCharsets.UTF_8));
      return "t=" + seconds + ",v1=" + HexFormat.of().formatHex(digest);
    } catch (GeneralSecurityException impossible) {
      throw new IllegalStateException("every JVM has HmacSHA256", impossible);
    }
  }

  @Override
  public String toString() {
    return "SignedEvent[secret=…]";
  }
}
