package dev.trafficstatus.notify.email;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP relay in front of the test's mail server that counts the connections made through it, so
 * a test can see how many SMTP connections a send opened.
 */
final class CountingProxy implements AutoCloseable {

  private final ServerSocket listener;
  private final int target;
  private final AtomicInteger connections = new AtomicInteger();

  /**
   * Starts relaying from a free local port to {@code target} on this machine.
   *
   * @param target the mail server's port
   * @throws IOException when no port can be opened
   */
  CountingProxy(int target) throws IOException {
    this.target = target;
    this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread acceptor = new Thread(this::accept, "counting-proxy");
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
    Thread thread =
        new Thread(
            () -> {
              try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                in.transferTo(out);
              } catch (IOException ended) {
                // One side hung up: close both below.
              } finally {
                try {
                  from.close();
                  to.close();
                } catch (IOException ignored) {
                  // Already closed.
                }
              }
            },
            "counting-proxy-pump");
    thread.setDaemon(true);
    thread.start();
  }

  @Override
  public void close() throws IOException {
    listener.close();
  }
}
