package dev.trafficstatus.core.subscribe;

import dev.trafficstatus.spi.notify.SubscriberLinks;
import dev.trafficstatus.spi.notify.SubscriberMailer;
import dev.trafficstatus.spi.store.PendingSubscription;
import dev.trafficstatus.spi.store.StoreException;
import dev.trafficstatus.spi.store.SubscriberStore;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.regex.Pattern;

/**
 * Subscribing, confirming and unsubscribing (double opt-in). A subscribe request is checked and
 * counted on the request thread, then stored and mailed on {@code background}: the answer comes
 * at once and is the same whatever the address's state, and neither its content nor its timing
 * tells whether the address is known. Confirmation tokens are random, 256 bits, and only their
 * SHA-256 is stored; unsubscribe tokens are random, 192 bits.
 */
public final class Subscriptions {

  /** The longest address taken (RFC 5321's limit for a path). */
  public static final int MAX_ADDRESS = 254;

  /** The most routes one subscription may name. */
  public static final int MAX_ROUTES = 20;

  private static final Pattern ADDRESS =
      Pattern.compile("[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+");
  /** A route's rule as the page's route picker sends it: an HTTP template, a check, a probe. */
  private static final Pattern ROUTE = Pattern.compile("[^\\p{Cntrl}\\s][^\\p{Cntrl}]{0,199}");
  private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{20,100}");
  private static final int MAX_KEYS = 100_000;

  private final SubscriberStore store;
  private final SubscriberMailer mailer;
  private final SubscriberLinks links;
  private final SubscribeLimits limits;
  private final Clock clock;
  private final SecureRandom random;
  private final Executor background;
  private final System.Logger log;
  /** Only for a store that cannot count mails per address itself. */
  private final RateWindows perAddress;
  private final RateWindows perClient;

  /**
   * @param store the store's subscribers
   * @param mailer sends the confirmation mail
   * @param links the links put in it
   * @param limits the rate limits and how long a link works
   * @param clock what "now" is
   * @param random makes tokens and ids
   * @param background stores and mails off the request thread
   * @param log where failures of the background work go
   */
  public Subscriptions(
      SubscriberStore store,
      SubscriberMailer mailer,
      SubscriberLinks links,
      SubscribeLimits limits,
      Clock clock,
      SecureRandom random,
      Executor background,
      System.Logger log) {
    this.store = Objects.requireNonNull(store, "store");
    this.mailer = Objects.requireNonNull(mailer, "mailer");
    this.links = Objects.requireNonNull(links, "links");
    this.limits = Objects.requireNonNull(limits, "limits");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.random = Objects.requireNonNull(random, "random");
    this.background = Objects.requireNonNull(background, "background");
    this.log = Objects.requireNonNull(log, "log");
    this.perAddress = new RateWindows(limits.perAddress(), limits.addressPeriod(), MAX_KEYS);
    this.perClient = new RateWindows(limits.perClient(), limits.clientPeriod(), MAX_KEYS);
  }

  /**
   * The limits.
   *
   * @return the limits this takes subscriptions with
   */
  public SubscribeLimits limits() {
    return limits;
  }

  /**
   * Asks for a subscription: a confirmation mail goes to the address unless it is confirmed
   * already or was mailed {@link SubscribeLimits#perAddress()} times in its period (counted by the
   * store, so across processes).
   *
   * @param address what the form's field held
   * @param routes the rules of the routes asked about; empty for all
   * @param client who asks, such as the client's IP address
   * @return the answer; {@link SubscribeAnswer#ACCEPTED} tells nothing about the address
   */
  public SubscribeAnswer subscribe(String address, List<String> routes, String client) {
    String normalized = address == null ? "" : address.strip().toLowerCase(Locale.ROOT);
    if (normalized.length() > MAX_ADDRESS || !ADDRESS.matcher(normalized).matches()
        || routes.size() > MAX_ROUTES || !routes.stream().allMatch(r -> r != null && ROUTE.matcher(r).matches())) {
      return SubscribeAnswer.INVALID;
    }
    Instant now = clock.instant();
    if (!perClient.tryUse(Objects.requireNonNull(client, "client"), now)) {
      return SubscribeAnswer.TOO_MANY_REQUESTS;
    }
    List<String> rules = List.copyOf(new LinkedHashSet<>(routes));
    try {
      background.execute(() -> storeAndMail(normalized, rules, now));
    } catch (RejectedExecutionException full) {
      log.log(Level.WARNING, "A subscription was dropped: the confirmation mails' queue is full");
    }
    return SubscribeAnswer.ACCEPTED;
  }

  private void storeAndMail(String address, List<String> routes, Instant now) {
    String confirmToken = token(32);
    String unsubscribeToken = token(24);
    try {
      // Forget the addresses whose link expired (records of sent mail are the mailer's to forget).
      store.deleteExpired(now, Instant.EPOCH);
      PendingSubscription pending =
          new PendingSubscription(
              id(), address, routes, hash(confirmToken), unsubscribeToken, now, now.plus(limits.confirmWithin()));
      if (due(pending)) {
        mailer.sendConfirmation(address, links.confirm(confirmToken), links.unsubscribe(unsubscribeToken));
      }
    } catch (StoreException | SubscriberMailer.MailException failed) {
      // The address stays out of the log: it is kept for the subscription only.
      log.log(Level.WARNING, "A confirmation mail was not sent: " + failed.getMessage());
    }
  }

  /** Records the subscription unless the address had its mails this period: whether to mail it. */
  private boolean due(PendingSubscription pending) {
    try {
      return store.addPending(pending, limits.perAddress(), limits.addressPeriod());
    } catch (UnsupportedOperationException cannotCount) {
      return perAddress.tryUse(pending.address(), pending.createdAt()) && store.addPending(pending);
    }
  }

  /**
   * Confirms a subscription by the token of its link; the token works once.
   *
   * @param token the token from the link
   * @return true when a pending subscription was confirmed; false when the token is unknown, used
   *     or expired
   */
  public boolean confirm(String token) {
    if (token == null || !TOKEN.matcher(token).matches()) {
      return false;
    }
    return store.confirm(hash(token), clock.instant()).isPresent();
  }

  /**
   * Deletes the subscriber of an unsubscribe link, address included.
   *
   * @param token the token from the link
   * @return true when one was deleted; false when none had it (already gone)
   */
  public boolean unsubscribe(String token) {
    if (token == null || !TOKEN.matcher(token).matches()) {
      return false;
    }
    return store.unsubscribe(token);
  }

  /**
   * Whether a text has the shape of a token, for the pages that show a button for it.
   *
   * @param token the text
   * @return true when it may be a token
   */
  public static boolean looksLikeToken(String token) {
    return token != null && TOKEN.matcher(token).matches();
  }

  private String token(int bytes) {
    byte[] raw = new byte[bytes];
    random.nextBytes(raw);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
  }

  private String id() {
    StringBuilder id = new StringBuilder(12);
    for (int i = 0; i < 12; i++) {
      id.append(Character.forDigit(random.nextInt(36), 36));
    }
    return id.toString();
  }

  /**
   * The SHA-256 of a token, as stored.
   *
   * @param token the token
   * @return 64 lower-case hex characters
   */
  static String hash(String token) {
    try {
      return HexFormat.of()
          .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException impossible) {
      throw new IllegalStateException("every JDK has SHA-256", impossible);
    }
  }
}
