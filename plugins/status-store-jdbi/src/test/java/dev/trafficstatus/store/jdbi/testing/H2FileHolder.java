package dev.trafficstatus.store.jdbi.testing;

import java.sql.Connection;
import java.sql.DriverManager;

/**
 * A process that opens an H2 database and keeps it open until its standard input closes, as an
 * app started from the same folder would: {@code H2FileHolder <jdbc url>}. Says "open" once it is.
 */
public final class H2FileHolder {

  private H2FileHolder() {}

  /**
   * @param args the JDBC URL
   * @throws Exception when the database cannot be opened
   */
  public static void main(String[] args) throws Exception {
    try (Connection connection = DriverManager.getConnection(args[0], "sa", "")) {
      connection.createStatement().execute("CREATE TABLE IF NOT EXISTS held (id INT)");
      System.out.println("open");
      System.out.flush();
      while (System.in.read() >= 0) {
        // Held until the parent closes our input.
      }
    }
  }
}
