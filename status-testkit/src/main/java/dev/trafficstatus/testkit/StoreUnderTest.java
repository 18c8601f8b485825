package dev.trafficstatus.testkit;

import dev.trafficstatus.spi.store.StatusStore;

/**
 * What the parts of the store contract ask of the store under test; {@link StatusStoreContract}
 * answers with its subclass's hooks, and stops every store it handed out after each test.
 */
public interface StoreUnderTest {

  /**
   * A started store on a fresh, empty database.
   *
   * @return the store
   * @throws Exception when it cannot be started
   */
  StatusStore store() throws Exception;

  /**
   * The store after a restart of its process, on the same database.
   *
   * @param store a started store
   * @return the restarted store, started
   * @throws Exception when it cannot be restarted
   */
  StatusStore restarted(StatusStore store) throws Exception;

  /**
   * A second process on the database of {@code first}, where the store supports one.
   *
   * @param first a started store
   * @return the second process's store, started
   * @throws Exception when it cannot be started
   */
  StatusStore another(StatusStore first) throws Exception;

  /**
   * Makes the store's database refuse the store's statements from now on.
   *
   * @param store a started store
   * @throws Exception when the database cannot be broken
   */
  void broken(StatusStore store) throws Exception;
}
