package dev.trafficstatus.store.jdbi.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A TCP proxy to a server that can be paused: it then still accepts connections, but forwards
 * nothing either way, like a database that froze (or a network that drops every packet), until it
 * is resumed. What was held back is forwarded on resume, to whichever side is still there.
 */
public final class PausableProxy implements AutoCloseable {

  private final ServerSocket listener;
  private final InetSocketAddress target;
  private final ExecutorService threads =
      Executors.newCachedThreadPool(
          task -> {
            Thread thread = new Thread(task, "pausable-proxy");
            thread.setDaemon(true);
            return thread;
          });
  private final List<Socket> sockets = new ArrayList<>();
  private boolean paused;

  private PausableProxy(ServerSocket listener, InetSocketAddress target) {
    this.listener = listener;
    this.target = target;
    threads.submit(this::accept);
  }

  /**
   * Starts a proxy on a free loopback port.
   *
   * @param host the server's host
   * @param port the server's port
   * @return the running proxy, not paused
   * @throws IOException when it cannot listen
   */
  public static PausableProxy to(String host, int port) throws IOException {
    return new PausableProxy(
        new ServerSocket(0, 50, InetAddress.getLoopbackAddress()), new InetSocketAddress(host, port));
  }

  /**
   * The port it listens on.
   *
   * @return the port
   */
  public int port() {
    return listener.getLocalPort();
  }

  /** Stops forwarding: connections are accepted and then never answered. */
  public synchronized void pause() {
    paused = true;
  }

  /** Forwards again, what was held back first. */
  public synchronized void resume() {
    paused = false;
    notifyAll();
  }

  private synchronized void awaitResumed() throws InterruptedException {
    while (paused) {
      wait();
    }
  }

  private void accept() {
    while (!listener.isClosed()) {
      try {
        Socket client = listener.accept();
        remember(client);
        threads.submit(() -> connect(client));
      } catch (IOException closed) {
        return;
      }
    }
  }

  private void connect(Socket client) {
    try {
      awaitResumed();
      Socket server = new Socket(target.getAddress(), target.getPort());
      remember(server);
      threads.submit(() -> pump(client, server));
      pump(server, client);
    } catch (IOException | InterruptedException e) {
      closeQuietly(client);
    }
  }

  private void pump(Socket from, Socket to) {
    byte[] buffer = new byte[8192];
    try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
      for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
        awaitResumed();
        out.write(buffer, 0, read);
        out.flush();
      }
    } catch (IOException | InterruptedException e) {
      // One side went away: the other goes too, as it would without a proxy between them.
    } finally {
      closeQuietly(from);
      closeQuietly(to);
    }
  }

  private synchronized void remember(Socket socket) {
    sockets.add(socket);
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException alreadyGone) {
      // Closing is all that was wanted.
    }
  }

  @Override
  public void close() throws IOException {
    listener.close();
    synchronized (this) {
      sockets.forEach(PausableProxy::closeQuietly);
      resume();
    }
    threads.shutdownNow();
  }
}
