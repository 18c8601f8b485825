package dev.trafficstatus.notify.email;

import dev.trafficstatus.spi.RouteKey;
import dev.trafficstatus.spi.notify.Notification;
import dev.trafficstatus.spi.notify.Notifier;
import dev.trafficstatus.spi.notify.SendResult;
import dev.trafficstatus.spi.notify.SubscriberLinks;
import dev.trafficstatus.spi.notify.SubscriberMailer;
import dev.trafficstatus.spi.store.EventType;
import dev.trafficstatus.spi.store.Subscriber;
import dev.trafficstatus.spi.store.SubscriberStore;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Mails each incident and maintenance event to the confirmed subscribers who want it, and mails
 * the confirmation of new subscriptions. One outbox delivery per event fans out here: subscribers
 * are read a batch at a time over one SMTP connection, and after each batch the store records whom
 * the event reached, so a retried send (after a failure, a timeout or a crash) skips them. What is
 * not recorded may be sent again: the mail of at most one batch, when the process dies between
 * handing it to the server and recording it (at least once).
 *
 * <p>A send stops starting batches when half the host's timeout is spent and asks to be called
 * again; what it sent is recorded, so large lists go out over several calls.
 */
final class EmailNotifier implements Notifier, SubscriberMailer {

  /** Mail sent for an event is remembered this long, so a late retry still skips it. */
  static final Duration SENT_KEPT = Duration.ofDays(30);

  private final String receiver;
  private final SmtpServer server;
  private final InternetAddress from;
  private final Set<EventType> events;
  private final int batchSize;
  private final SubscriberStore subscribers;
  private final SubscriberLinks links;
  private final Duration timeout;
  private final Clock clock;

  /**
   * @param receiver the receiver's name
   * @param server the mail server
   * @param from the sender's address
   * @param events the event types mailed
   * @param batchSize subscribers read and mailed per batch
   * @param subscribers the store's subscribers
   * @param links the links put in mails
   * @param timeout the host's send timeout
   * @param clock for the time budget and the records
   */
  EmailNotifier(
      String receiver,
      SmtpServer server,
      InternetAddress from,
      Set<EventType> events,
      int batchSize,
      SubscriberStore subscribers,
      SubscriberLinks links,
      Duration timeout,
      Clock clock) {
    this.receiver = Objects.requireNonNull(receiver, "receiver");
    this.server = Objects.requireNonNull(server, "server");
    this.from = Objects.requireNonNull(from, "from");
    this.events = Set.copyOf(events);
    if (batchSize < 1) {
      throw new IllegalArgumentException("batchSize must be at least 1");
    }
    this.batchSize = batchSize;
    this.subscribers = Objects.requireNonNull(subscribers, "subscribers");
    this.links = Objects.requireNonNull(links, "links");
    this.timeout = Objects.requireNonNull(timeout, "timeout");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public String receiver() {
    return receiver;
  }

  @Override
  public String describe() {
    return receiver + " → subscribers via " + server.describe() + " from " + from.getAddress()
        + ", batches of " + batchSize;
  }

  @Override
  public boolean wants(Notification notification) {
    return notification.notice().isPresent() && events.contains(notification.type());
  }

  @Override
  public SendResult send(Notification notification) throws InterruptedException {
    Instant started = clock.instant();
    subscribers.deleteExpired(started, started.minus(SENT_KEPT));
    List<String> rules = notification.routes().stream().map(RouteKey::rule).toList();
    Set<String> reached = subscribers.sentTo(notification.id());
    int sent = 0;
    int refused = 0;
    String after = "";
    Transport transport = null;
    try {
      while (true) {
        List<Subscriber> page = subscribers.confirmed(after, batchSize);
        if (page.isEmpty()) {
          break;
        }
        after = page.get(page.size() - 1).id();
        List<Subscriber> due =
            page.stream().filter(s -> s.wants(rules) && !reached.contains(s.id())).toList();
        if (due.isEmpty()) {
          continue;
        }
        if (Thread.interrupted()) {
          throw new InterruptedException("the host stopped waiting");
        }
        if (sent + refused > 0 && Duration.between(started, clock.instant()).compareTo(timeout.dividedBy(2)) >= 0) {
          return SendResult.retry(250, "sent to " + sent + " subscribers so far; the rest follow in the next call");
        }
        if (transport == null || !transport.isConnected()) {
          transport = server.connect();
        }
        List<String> done = new ArrayList<>();
        try {
          for (Subscriber subscriber : due) {
            try {
              URI unsubscribe = links.unsubscribe(subscriber.unsubscribeToken());
              MimeMessage message =
                  message(subscriber.address(), MailText.incident(notification, unsubscribe), unsubscribe);
              message.setHeader("X-Status-Event", notification.id());
              transport.sendMessage(message, message.getAllRecipients());
              sent++;
            } catch (SendFailedException rejected) {
              if (rejected.getInvalidAddresses() == null || rejected.getInvalidAddresses().length == 0) {
                throw rejected;
              }
              // The server refused this address for good (no such mailbox): retrying will not mend
              // it, and it must not hold back the others.
              refused++;
            }
            done.add(subscriber.id());
          }
        } finally {
          subscribers.recordSent(notification.id(), done, clock.instant());
        }
      }
    } catch (MessagingException failed) {
      return SendResult.retry(0, "after " + sent + " mails: " + server.hide(failed));
    } finally {
      close(transport);
    }
    return SendResult.delivered(250);
  }

  @Override
  public void sendConfirmation(String address, URI confirmLink, URI unsubscribeLink) {
    Transport transport = null;
    try {
      MimeMessage message = message(address, MailText.confirmation(confirmLink, unsubscribeLink), unsubscribeLink);
      transport = server.connect();
      transport.sendMessage(message, message.getAllRecipients());
    } catch (MessagingException failed) {
      throw new MailException(receiver + ": the confirmation mail was not taken: " + server.hide(failed), null);
    } finally {
      close(transport);
    }
  }

  private MimeMessage message(String to, MailText text, URI unsubscribe) throws MessagingException {
    MimeMessage message = new MimeMessage(server.session());
    message.setFrom(from);
    message.setRecipient(Message.RecipientType.TO, new InternetAddress(to, true));
    message.setSubject(text.subject(), StandardCharsets.UTF_8.name());
    message.setSentDate(java.util.Date.from(clock.instant()));
    MimeBodyPart plain = new MimeBodyPart();
    plain.setText(text.text(), StandardCharsets.UTF_8.name(), "plain");
    MimeBodyPart html = new MimeBodyPart();
    html.setText(text.html(), StandardCharsets.UTF_8.name(), "html");
    message.setContent(new MimeMultipart("alternative", plain, html));
    message.setHeader("List-Unsubscribe", "<" + unsubscribe + ">");
    message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
    // RFC 3834: automatic mail, so auto-responders stay quiet.
    message.setHeader("Auto-Submitted", "auto-generated");
    message.saveChanges();
    return message;
  }

  private static void close(Transport transport) {
    if (transport != null) {
      try {
        transport.close();
      } catch (MessagingException ignored) {
        // Closing after the mails were taken or refused changes nothing about them.
      }
    }
  }

  @Override
  public String toString() {
    return "EmailNotifier[" + describe() + "]";
  }
}
