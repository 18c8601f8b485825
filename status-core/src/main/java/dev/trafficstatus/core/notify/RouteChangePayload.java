package dev.trafficstatus.core.notify;

import dev.trafficstatus.spi.Health;
import dev.trafficstatus.spi.RouteKey;
import dev.trafficstatus.spi.notify.RouteStateChange;
import dev.trafficstatus.spi.store.EventType;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

/**
 * The payload of a {@code route.state_changed} outbox event, written and read here only (the core
 * has no JSON library, and this one shape needs none):
 *
 * <pre>{@code
 * {"event":"route.state_changed","route":{"service":"shop","rule":"/checkout","name":"Checkout"},
 *  "from":"operational","to":"major_outage","at":"2026-03-01T12:05:20Z"}
 * }</pre>
 *
 * States are the page's, in lower case ({@code operational}, {@code degraded}, {@code
 * partial_outage}, {@code major_outage}).
 */
public final class RouteChangePayload {

  private RouteChangePayload() {}

  /**
   * The payload of a change.
   *
   * @param change the change
   * @return JSON text
   */
  public static String write(RouteStateChange change) {
    return "{\"event\":\"" + EventType.ROUTE_STATE_CHANGED.wireName() + "\",\"route\":{\"service\":"
        + JsonStrings.quote(change.route().service())
        + ",\"rule\":" + JsonStrings.quote(change.route().rule())
        + ",\"name\":" + JsonStrings.quote(change.name())
        + "},\"from\":\"" + state(change.from()) + "\",\"to\":\"" + state(change.to())
        + "\",\"at\":\"" + change.at() + "\"}";
  }

  /**
   * The change a payload written by {@link #write} holds.
   *
   * @param payload the stored payload
   * @return the change, or empty when the payload is not of that shape
   */
  public static Optional<RouteStateChange> read(String payload) {
    try {
      Reader in = new Reader(payload);
      in.expect("{\"event\":\"" + EventType.ROUTE_STATE_CHANGED.wireName() + "\",\"route\":{\"service\":");
      String service = in.string();
      in.expect(",\"rule\":");
      String rule = in.string();
      in.expect(",\"name\":");
      String name = in.string();
      in.expect("},\"from\":");
      Health from = Health.valueOf(in.string().toUpperCase(Locale.ROOT));
      in.expect(",\"to\":");
      Health to = Health.valueOf(in.string().toUpperCase(Locale.ROOT));
      in.expect(",\"at\":");
      Instant at = Instant.parse(in.string());
      in.expect("}");
      return Optional.of(new RouteStateChange(new RouteKey(service, rule), name, from, to, at));
    } catch (IllegalArgumentException | DateTimeParseException | IndexOutOfBoundsException notOurs) {
      return Optional.empty();
    }
  }

  private static String state(Health state) {
    return state.name().toLowerCase(Locale.ROOT);
  }


  /** Reads what {@link #write} wrote, strictly, front to back. */
  private static final class Reader {
    private final String text;
    private int at;

    Reader(String text) {
      this.text = text.strip();
    }

    void expect(String literal) {
      if (!text.startsWith(literal, at)) {
        throw new IllegalArgumentException("expected " + literal + " at " + at);
      }
      at += literal.length();
    }

    /** A string literal as {@link JsonStrings#quote} writes it: escapes of quote, backslash and \\u only. */
    String string() {
      expect("\"");
      StringBuilder out = new StringBuilder();
      while (true) {
        char c = text.charAt(at++);
        if (c == '"') {
          return out.toString();
        }
        if (c != '\\') {
          out.append(c);
          continue;
        }
        char escaped = text.charAt(at++);
        switch (escaped) {
          case '"', '\\', '/' -> out.append(escaped);
          case 'u' -> {
            out.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
            at += 4;
          }
          default -> throw new IllegalArgumentException("unexpected escape \\" + escaped);
        }
      }
    }
  }
}
