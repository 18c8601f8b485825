package dev.trafficstatus.bench.notify;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.trafficstatus.notify.email.EmailNotifierFactory;
import dev.trafficstatus.notify.email.SmtpSecurity;
import dev.trafficstatus.spi.notice.Notice;
import dev.trafficstatus.spi.notify.Notification;
import dev.trafficstatus.spi.notify.Notifier;
import dev.trafficstatus.spi.notify.SendResult;
import dev.trafficstatus.spi.store.EventType;
import dev.trafficstatus.spi.store.PendingSubscription;
import dev.trafficstatus.spi.store.StatusStore;
import dev.trafficstatus.spi.store.SubscriberStore;
import dev.trafficstatus.store.jdbi.JdbiStoreFactory;
import dev.trafficstatus.testkit.InMemorySubscribers;
import dev.trafficstatus.testkit.NoticeTestData;
import dev.trafficstatus.testkit.TestNotifierContext;
import io.dropwizard.db.DataSourceFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * 10,000 confirmed subscribers (or the count given) get one incident mail: the email notifier's
 * send against GreenMail, an SMTP server in this JVM, with subscribers in the jdbi store on H2 and
 * in memory. Prints the wall time of the send, mails per second, and the SMTP connections opened
 * (counted by a relay in front of GreenMail). Budget: one connection per send, every subscriber
 * mailed once, within the SMTP server's own rate.
 *
 * <p>Not a JMH benchmark (one send is the unit):
 * {@code java -cp bench/target/benchmarks.jar dev.trafficstatus.bench.notify.SubscriberMailBench [count] [batchSize]}.
 */
public final class SubscriberMailBench {

  private static final Instant AT = Instant.parse("2026-03-01T12:00:00Z");

  private SubscriberMailBench() {}

  /**
   * Runs the measurement and prints a table.
   *
   * @param args the number of subscribers (default 10000) and the batch size (default 50)
   * @throws Exception when a server or the database cannot be started
   */
  public static void main(String[] args) throws Exception {
    int count = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    int batchSize = args.length > 1 ? Integer.parseInt(args[1]) : 50;
    System.out.printf("%-10s %8s %6s %10s %10s %12s %8s%n",
        "store", "mails", "batch", "send ms", "mails/s", "connections", "result");
    StatusStore h2 = h2Store();
    try {
      run("jdbi H2", h2.subscribers().orElseThrow(), count, batchSize);
    } finally {
      h2.stop();
    }
    run("in memory", new InMemorySubscribers(), count, batchSize);
    baseline(count);
  }

  /**
   * The SMTP server's own rate: the same number of small messages sent over one connection with
   * Angus Mail directly, no store and no composing per subscriber.
   */
  private static void baseline(int count) throws Exception {
    GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    try {
      java.util.Properties properties = new java.util.Properties();
      properties.setProperty("mail.smtp.host", "127.0.0.1");
      properties.setProperty("mail.smtp.port", Integer.toString(smtp.getSmtp().getPort()));
      jakarta.mail.Session session = jakarta.mail.Session.getInstance(properties);
      long start = System.nanoTime();
      try (jakarta.mail.Transport transport = session.getTransport("smtp")) {
        transport.connect();
        for (int n = 0; n < count; n++) {
          jakarta.mail.internet.MimeMessage message = new jakarta.mail.internet.MimeMessage(session);
          message.setFrom("status@example.com");
          message.setRecipients(jakarta.mail.Message.RecipientType.TO, "user" + n + "@example.com");
          message.setSubject("Incident: Checkout is failing");
          message.setText("Checkout is failing.\n");
          message.saveChanges();
          transport.sendMessage(message, message.getAllRecipients());
        }
      }
      long millis = (System.nanoTime() - start) / 1_000_000;
      int received = smtp.getReceivedMessages().length;
      System.out.printf("%-10s %8d %6s %10d %10.0f %12d %8s%n", "baseline", received, "-", millis,
          received * 1000.0 / Math.max(1, millis), 1, "-");
    } finally {
      smtp.stop();
    }
  }

  private static void run(String name, SubscriberStore subscribers, int count, int batchSize) throws Exception {
    for (int n = 0; n < count; n++) {
      String hash = String.format("%064x", n);
      subscribers.addPending(new PendingSubscription(
          NoticeTestData.id("sub", n), "user" + n + "@example.com", List.of(), hash,
          "unsubscribe-token-" + n, AT, AT.plus(Duration.ofDays(1))));
      subscribers.confirm(hash, AT);
    }
    GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.withConfiguration(GreenMailConfiguration.aConfig().withUser("status@example.com", "status@example.com", "bench-password"));
    smtp.start();
    try (Relay relay = new Relay(smtp.getSmtp().getPort())) {
      EmailNotifierFactory factory = new EmailNotifierFactory();
      factory.setHost("127.0.0.1");
      factory.setPort(relay.port());
      factory.setSecurity(SmtpSecurity.NONE);
      factory.setUser("status@example.com");
      factory.setPassword("bench-password");
      factory.setFrom("Shop status <status@example.com>");
      factory.setBatchSize(batchSize);
      Notifier notifier = factory.build(new TestNotifierContext(
          Duration.ofMinutes(5), Clock.systemUTC(), subscribers, URI.create("https://status.example.com/status")));
      Notice incident = NoticeTestData.incident(NoticeTestData.id("inc", 1), AT);
      Notification notification = new Notification(
          NoticeTestData.id("ev", 1), EventType.INCIDENT_OPENED, AT, "{}", Optional.of(incident),
          Optional.of(incident.updates().get(0)), Optional.of(URI.create("https://status.example.com/status/incidents/x")));

      long start = System.nanoTime();
      SendResult result = notifier.send(notification);
      long millis = (System.nanoTime() - start) / 1_000_000;

      int received = smtp.getReceivedMessages().length;
      System.out.printf("%-10s %8d %6d %10d %10.0f %12d %8s%n", name, received, batchSize, millis,
          received * 1000.0 / Math.max(1, millis), relay.connections(), result.outcome());
      if (received != count) {
        System.out.println("  expected " + count + " mails: " + result.error());
      }
    } finally {
      smtp.stop();
    }
  }

  private static StatusStore h2Store() throws Exception {
    DataSourceFactory database = new DataSourceFactory();
    database.setDriverClass("org.h2.Driver");
    database.setUrl("jdbc:h2:mem:mail-bench-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    database.setUser("sa");
    database.setPassword("");
    JdbiStoreFactory factory = new JdbiStoreFactory();
    factory.setDatabase(database);
    StatusStore store = factory.build(new dev.trafficstatus.bench.BenchContext("bench", "bench-1", Clock.systemUTC()));
    store.start();
    return store;
  }

  /** A TCP relay to GreenMail that counts the connections made through it. */
  private static final class Relay implements AutoCloseable {
    private final ServerSocket listener;
    private final int target;
    private final AtomicInteger connections = new AtomicInteger();

    Relay(int target) throws IOException {
      this.target = target;
      this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
      Thread acceptor = new Thread(this::accept, "relay");
      acceptor.setDaemon(true);
      acceptor.start();
    }

    int port() {
      return listener.getLocalPort();
    }

    int connections() {
      return connections.get();
    }

    private void accept() {
      while (!listener.isClosed()) {
        try {
          Socket client = listener.accept();
          Socket server = new Socket(InetAddress.getLoopbackAddress(), target);
          connections.incrementAndGet();
          pump(client, server);
          pump(server, client);
        } catch (IOException closed) {
          return;
        }
      }
    }

    private static void pump(Socket from, Socket to) {
      Thread thread = new Thread(() -> {
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
          in.transferTo(out);
        } catch (IOException ended) {
          // One side hung up.
        } finally {
          try {
            from.close();
            to.close();
          } catch (IOException ignored) {
            // Already closed.
          }
        }
      }, "relay-pump");
      thread.setDaemon(true);
      thread.start();
    }

    @Override
    public void close() throws IOException {
      listener.close();
    }
  }
}
