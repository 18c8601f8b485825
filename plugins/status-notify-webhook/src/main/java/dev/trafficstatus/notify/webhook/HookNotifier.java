package dev.trafficstatus.notify.webhook;

import dev.trafficstatus.spi.notify.Notification;
import dev.trafficstatus.spi.notify.Notifier;
import dev.trafficstatus.spi.notify.SendResult;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Posts each notification to one URL with the JDK's HTTP client and says what came of it: a 2xx
 * is delivered; no answer, 408, 425, 429 and 5xx are retried (after {@code Retry-After} when the
 * receiver gives one); a redirect or any other 4xx is a refusal (the URL or the secret is wrong,
 * and retrying will not mend it; redirects are not followed, so a signed event never goes where it
 * was not configured to). Error texts quote at most the start of the receiver's answer, with the
 * URL's path and the secret cut out.
 */
final class HookNotifier implements Notifier {

  /** Sent with every request, so receivers can tell these calls apart. */
  static final String USER_AGENT = "TrafficStatus-Notifier/1";

  /** How much of a refusing answer the delivery log quotes. */
  private static final int ANSWER_QUOTED = 200;

  private final String receiver;
  private final HookUrl url;
  private final EventFilter filter;
  private final HookMessage message;
  private final Duration timeout;
  private final Clock clock;
  private final List<String> hidden;
  private final HttpClient client;

  /**
   * @param receiver the receiver's name
   * @param url where to post
   * @param filter which notifications to take
   * @param message what to post
   * @param timeout how long a call may take, connecting included
   * @param clock for {@code Retry-After} dates
   * @param secrets texts never to repeat in an error besides the URL's path and query (a secret)
   */
  HookNotifier(
      String receiver,
      HookUrl url,
      EventFilter filter,
      HookMessage message,
      Duration timeout,
      Clock clock,
      List<String> secrets) {
    this.receiver = Objects.requireNonNull(receiver, "receiver");
    this.url = Objects.requireNonNull(url, "url");
    this.filter = Objects.requireNonNull(filter, "filter");
    this.message = Objects.requireNonNull(message, "message");
    this.timeout = Objects.requireNonNull(timeout, "timeout");
    this.clock = Objects.requireNonNull(clock, "clock");
    List<String> hide = new ArrayList<>(secrets);
    if (url.uri().getRawPath() != null && url.uri().getRawPath().length() > 1) {
      hide.add(url.uri().getRawPath());
      hide.add(url.uri().getPath());
    }
    if (url.uri().getRawQuery() != null) {
      hide.add(url.uri().getRawQuery());
    }
    this.hidden = hide.stream().filter(text -> text != null && !text.isEmpty()).toList();
    this.client =
        HttpClient.newBuilder()
            .connectTimeout(timeout)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  @Override
  public String receiver() {
    return receiver;
  }

  @Override
  public String describe() {
    return receiver + " → " + url.redacted() + " (" + filter.describe() + ")";
  }

  @Override
  public boolean wants(Notification notification) {
    return filter.accepts(notification);
  }

  @Override
  public SendResult send(Notification notification) throws InterruptedException {
    String body = message.body(notification);
    HttpRequest.Builder request =
        HttpRequest.newBuilder(url.uri())
            .timeout(timeout)
            .header("Content-Type", "application/json; charset=utf-8")
            .header("User-Agent", USER_AGENT)
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    message.headers(notification, body).forEach(request::header);
    try {
      HttpResponse<InputStream> response =
          client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
      String answer;
      try (InputStream in = response.body()) {
        answer = new String(in.readNBytes(ANSWER_QUOTED * 4), StandardCharsets.UTF_8);
      }
      return result(response.statusCode(), answer, response.headers().firstValue("Retry-After"));
    } catch (HttpTimeoutException late) {
      return SendResult.retry(0, "no answer within " + timeout.toMillis() + "ms");
    } catch (ConnectException refused) {
      return SendResult.retry(0, "cannot connect: " + hide(String.valueOf(refused.getMessage())));
    } catch (IOException failed) {
      return SendResult.retry(
          0, failed.getClass().getSimpleName() + ": " + hide(String.valueOf(failed.getMessage())));
    }
  }

  private SendResult result(int code, String answer, Optional<String> retryAfter) {
    if (code >= 200 && code < 300) {
      return SendResult.delivered(code);
    }
    String error = "HTTP " + code + quoted(answer);
    if (code == 408 || code == 425 || code == 429 || code >= 500) {
      Optional<Duration> wait = retryAfter.flatMap(this::parseRetryAfter);
      return wait.isPresent()
          ? SendResult.retryAfter(code, error, wait.get())
          : SendResult.retry(code, error);
    }
    if (code >= 300 && code < 400) {
      return SendResult.refused(code, error + "; redirects are not followed: configure the URL it redirects to");
    }
    if (code >= 400) {
      return SendResult.refused(code, error);
    }
    return SendResult.retry(code, error);
  }

  private String quoted(String answer) {
    String line = answer.replaceAll("\\s+", " ").strip();
    return line.isEmpty() ? "" : ": " + JsonText.cut(hide(line), ANSWER_QUOTED);
  }

  /** Seconds ({@code 120}, Discord's {@code 1.5}) or an HTTP date. */
  private Optional<Duration> parseRetryAfter(String value) {
    try {
      return Optional.of(Duration.ofMillis(Math.round(Double.parseDouble(value.strip()) * 1000)))
          .filter(wait -> !wait.isNegative());
    } catch (NumberFormatException notSeconds) {
      try {
        ZonedDateTime at = ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME);
        Duration wait = Duration.between(clock.instant(), at.toInstant());
        return wait.isNegative() ? Optional.empty() : Optional.of(wait);
      } catch (DateTimeParseException notADate) {
        return Optional.empty();
      }
    }
  }

  private String hide(String text) {
    String shown = text;
    for (String secret : hidden) {
      shown = shown.replace(secret, "…");
    }
    return shown;
  }

  @Override
  public String toString() {
    return "HookNotifier[" + describe() + "]";
  }
}
