package dev.trafficstatus.core.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trafficstatus.core.testing.InMemoryStore;
import dev.trafficstatus.spi.RouteDescriptor;
import dev.trafficstatus.spi.RouteKey;
import dev.trafficstatus.spi.store.StatusStore;
import dev.trafficstatus.spi.store.StoreException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class ConnectingStoreTest {

  private static final RouteDescriptor HOME =
      new RouteDescriptor(new RouteKey("shop", "/"), "Home", "", "Shop");

  /** The in-memory store, refusing to start the first {@code failures} times. */
  private static StatusStore flakyStart(int failures) {
    InMemoryStore store = new InMemoryStore();
    AtomicInteger refusals = new AtomicInteger(failures);
    return (StatusStore)
        Proxy.newProxyInstance(
            StatusStore.class.getClassLoader(),
            new Class<?>[] {StatusStore.class},
            (proxy, method, args) -> {
              if (method.getName().equals("start") && refusals.getAndDecrement() > 0) {
                throw new StoreException("starting the store: Connection refused", null);
              }
              try {
                return method.invoke(store, args);
              } catch (InvocationTargetException thrown) {
                throw thrown.getCause();
              }
            });
  }

  private static ConnectingStore connecting(StatusStore store, ConnectSettings settings) {
    return new ConnectingStore(
        store, settings, System.getLogger(ConnectingStoreTest.class.getName()), RandomGenerator.of("L64X128MixRandom"));
  }

  @Test
  void untilTheStoreStartsEveryCallFailsAsAnOutageWould() {
    ConnectingStore store = connecting(flakyStart(2), ConnectSettings.defaults());

    Optional<Duration> retry = store.attemptOnce();

    assertThat(retry).isPresent();
    assertThat(store.isConnected()).isFalse();
    assertThatThrownBy(() -> store.declareRoutes(List.of(HOME)))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("has not started yet")
        .hasMessageContaining("Connection refused");
    assertThatThrownBy(store::routes).isInstanceOf(StoreException.class);
    assertThatThrownBy(store::ping).isInstanceOf(StoreException.class);
  }

  @Test
  void onceStartedItRunsTheListenersAndPassesCallsOn() {
    ConnectingStore store = connecting(flakyStart(1), ConnectSettings.defaults());
    List<String> ran = new ArrayList<>();
    store.whenConnected(() -> ran.add("flush"));

    assertThat(store.attemptOnce()).isPresent();
    assertThat(ran).isEmpty();
    assertThat(store.attemptOnce()).isEmpty();

    assertThat(store.isConnected()).isTrue();
    assertThat(ran).containsExactly("flush");
    store.declareRoutes(List.of(HOME));
    assertThat(store.routes()).extracting(r -> r.key()).containsExactly(HOME.key());
  }

  @Test
  void retriesWaitLongerEachTimeUpToTheCapWithJitter() {
    ConnectSettings settings = new ConnectSettings(Duration.ZERO, Duration.ofSeconds(1), Duration.ofSeconds(30));
    ConnectingStore store = connecting(flakyStart(100), settings);

    List<Duration> waits = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      waits.add(store.attemptOnce().orElseThrow());
    }

    long[] base = {1, 2, 4, 8, 16, 30, 30, 30};
    for (int i = 0; i < base.length; i++) {
      assertThat(waits.get(i).toMillis()).isBetween(base[i] * 800, base[i] * 1200);
    }
  }

  @Test
  void startReturnsAtOnceAndConnectsInTheBackground() throws Exception {
    ConnectingStore store =
        connecting(flakyStart(2), new ConnectSettings(Duration.ZERO, Duration.ofMillis(100), Duration.ofMillis(200)));

    store.start();
    boolean connected = store.awaitConnected(Duration.ofSeconds(30));
    store.stop();

    assertThat(connected).isTrue();
  }

  @Test
  void startWaitsForAFirstAttemptThatSucceedsSoAHealthyStoreServesFromTheStart() throws Exception {
    ConnectingStore store = connecting(flakyStart(0), ConnectSettings.defaults());

    store.start();
    boolean connected = store.isConnected();
    store.stop();

    assertThat(connected).isTrue();
  }

  @Test
  void startDoesNotWaitLongerThanStartWaitForAHungStore() throws Exception {
    java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
    StatusStore hung =
        (StatusStore)
            Proxy.newProxyInstance(
                StatusStore.class.getClassLoader(),
                new Class<?>[] {StatusStore.class},
                (proxy, method, args) -> {
                  if (method.getName().equals("start")) {
                    release.await();
                  }
                  return null;
                });
    ConnectingStore store =
        connecting(hung, new ConnectSettings(Duration.ofMillis(200), Duration.ofSeconds(1), Duration.ofSeconds(1)));

    store.start();
    boolean connectedWhenStartReturned = store.isConnected();
    release.countDown();
    store.stop();

    assertThat(connectedWhenStartReturned).as("start returned while the store hung").isFalse();
  }

  @Test
  void everyMethodOfTheStoreContractIsGuarded() {
    List<String> inherited = new ArrayList<>();
    for (Method method : StatusStore.class.getMethods()) {
      if (Modifier.isStatic(method.getModifiers())) {
        continue;
      }
      try {
        Method own = ConnectingStore.class.getMethod(method.getName(), method.getParameterTypes());
        if (own.getDeclaringClass() != ConnectingStore.class) {
          inherited.add(method.getName());
        }
      } catch (NoSuchMethodException impossible) {
        inherited.add(method.getName());
      }
    }
    assertThat(inherited).as("StatusStore methods ConnectingStore does not pass on").isEmpty();
  }
}
