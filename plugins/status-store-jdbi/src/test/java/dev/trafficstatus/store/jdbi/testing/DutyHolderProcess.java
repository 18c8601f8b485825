package dev.trafficstatus.store.jdbi.testing;

import dev.trafficstatus.spi.store.StatusStore;
import dev.trafficstatus.store.jdbi.JdbiStoreFactory;
import io.dropwizard.db.DataSourceFactory;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Another process holding a duty: {@code DutyHolderProcess <url> <user> <password> <duty>} starts
 * a jdbi store on the database, takes the duty and says "holding", keeps it until its standard
 * input closes, then says "released" and stops. Killed, it never releases it.
 */
public final class DutyHolderProcess {

  private DutyHolderProcess() {}

  /**
   * @param args the database's URL, user and password, and the duty's name
   * @throws Exception when the store fails
   */
  public static void main(String[] args) throws Exception {
    DataSourceFactory database = new DataSourceFactory();
    database.setDriverClass("org.postgresql.Driver");
    database.setUrl(args[0]);
    database.setUser(args[1]);
    database.setPassword(args[2]);
    JdbiStoreFactory factory = new JdbiStoreFactory();
    factory.setDatabase(database);
    StatusStore store = factory.build(TestContext.bare("child"));
    store.start();
    boolean ran =
        store
            .runExclusive(
                args[3],
                () -> {
                  System.out.println("holding " + args[3]);
                  try {
                    while (System.in.read() >= 0) {
                      // Holds the duty until the parent closes this process's input.
                    }
                  } catch (IOException e) {
                    throw new UncheckedIOException(e);
                  }
                  return true;
                })
            .isPresent();
    System.out.println(ran ? "released" : "taken by another process");
    store.stop();
  }
}
