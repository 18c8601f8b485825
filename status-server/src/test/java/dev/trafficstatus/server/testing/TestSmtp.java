package dev.trafficstatus.server.testing;

import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;

/** GreenMail set-ups for the tests: a free port, and time to start on a loaded machine. */
public final class TestSmtp {

  /** GreenMail waits 2 s for its server thread by default; a busy 2-core machine can take longer. */
  private static final long STARTUP_MILLIS = 30_000;

  private TestSmtp() {}

  /**
   * Plain SMTP on a free port of 127.0.0.1.
   *
   * @return a set-up of its own, for one GreenMail
   */
  public static ServerSetup smtp() {
    ServerSetup setup = ServerSetupTest.SMTP.dynamicPort();
    setup.setServerStartupTimeout(STARTUP_MILLIS);
    return setup;
  }
}
