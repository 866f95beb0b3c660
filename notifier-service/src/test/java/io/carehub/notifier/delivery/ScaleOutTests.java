package io.carehub.notifier.delivery;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.carehub.commons.web.Timestamps;
import io.carehub.notifier.TestClients;
import io.carehub.notifier.TestEvents;
import io.carehub.notifier.TestReceiver;
import io.carehub.notifier.client.SecretCipher;
import io.carehub.notifier.config.WebhooksConfig;
import io.carehub.notifier.subscription.UrlSafety;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/**
 * ARCHITECTURE.md: the notifier is stateless in memory, stateful in its database. Several dispatchers over one
 * database deliver every change and never one subscription twice at once; a dispatcher stopped mid-way and
 * started again (a restart) loses nothing. The application's own dispatcher is off here: the tests run
 * dispatchers of their own, as separate instances would, over the one database and consumer.
 */
@QuarkusTest
@TestProfile(ScaleOutTests.OwnDispatchers.class)
class ScaleOutTests {

    public static class OwnDispatchers implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("carehub.webhooks.dispatcher.enabled", "false");
        }
    }

    static final Duration DEADLINE = Duration.ofSeconds(60);
    static final String TOPIC = "patients-service.changes";

    @Inject
    WebhooksConfig config;
    @Inject
    DeliveryStore store;
    @Inject
    SecretCipher cipher;
    @Inject
    UrlSafety urlSafety;

    final String tenant = "scale-" + UUID.randomUUID();
    String token;

    @BeforeEach
    void client() {
        token = TestClients.accessToken(TestClients.create(tenant, "all", "webhooks"));
    }

    @Test
    void twoInstancesDeliverEveryChangeAndNeverOneSubscriptionTwiceAtOnce() throws Exception {
        List<TestReceiver.Endpoint> hooks = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            hooks.add(subscribe(TestReceiver.endpoint().delay(Duration.ofMillis(150))));
        }
        Dispatcher first = dispatcher();
        Dispatcher second = dispatcher();
        first.start(null);
        second.start(null);
        try {
            List<Instant> changes = new ArrayList<>();
            for (int wave = 0; wave < 6; wave++) {
                Instant t = TestEvents.now();
                changes.add(t);
                TestEvents.publish(TOPIC, tenant, "patients", UUID.randomUUID().toString(), t);
                // The next wave once every subscriber heard of this one: deliveries and changes interleave.
                for (TestReceiver.Endpoint hook : hooks) {
                    hook.await(r -> covers(List.of(r), t), DEADLINE);
                }
            }
            for (TestReceiver.Endpoint hook : hooks) {
                for (Instant t : changes) {
                    assertEquals(true, covers(hook.requests(), t), "every change reaches every subscriber: " + t);
                }
                assertEquals(1, hook.maxConcurrent(), "one subscription is never delivered to twice at once");
            }
        } finally {
            first.stop(null);
            second.stop(null);
        }
    }

    @Test
    void aDispatcherStoppedMidWayAndStartedAgainLosesNothing() throws Exception {
        TestReceiver.Endpoint hook = subscribe(TestReceiver.endpoint().delay(Duration.ofMillis(300)));
        Dispatcher before = dispatcher();
        before.start(null);
        Instant t1 = TestEvents.now();
        TestEvents.publish(TOPIC, tenant, "patients", UUID.randomUUID().toString(), t1);
        hook.awaitFirst(DEADLINE);
        before.stop(null); // with a delivery under way: it finishes, or its lease runs out
        List<Instant> whileDown = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Instant t = TestEvents.now();
            whileDown.add(t);
            TestEvents.publish(TOPIC, tenant, "patients", UUID.randomUUID().toString(), t);
        }
        Dispatcher after = dispatcher();
        after.start(null);
        try {
            for (Instant t : whileDown) {
                hook.await(r -> covers(List.of(r), t), DEADLINE);
            }
            assertEquals(true, covers(hook.requests(), t1));
        } finally {
            after.stop(null);
        }
    }

    /** Whether a successfully answered request's range covers the change at {@code t}. */
    static boolean covers(List<TestReceiver.Request> requests, Instant t) {
        for (TestReceiver.Request r : requests) {
            if (r.answered() / 100 != 2) {
                continue;
            }
            for (Map<String, String> range : NotificationTests.ranges(r)) {
                Instant from = Timestamps.parse(range.get("from")).orElseThrow();
                Instant to = Timestamps.parse(range.get("to")).orElseThrow();
                if (!t.isBefore(from) && !t.isAfter(to)) {
                    return true;
                }
            }
        }
        return false;
    }

    TestReceiver.Endpoint subscribe(TestReceiver.Endpoint hook) {
        return subscribeAs(token, hook);
    }

    static TestReceiver.Endpoint subscribeAs(String token, TestReceiver.Endpoint hook) {
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"url\": \"" + hook.url() + "\", \"resources\": [\"patients\"]}")
                .post("/v1/webhook_subscriptions").then().statusCode(200);
        return hook;
    }

    Dispatcher dispatcher() {
        return dispatcher(config, store, cipher, urlSafety);
    }

    /** Another instance's dispatcher: the application's settings, but running (and a name of its own). */
    static Dispatcher dispatcher(WebhooksConfig config, DeliveryStore store, SecretCipher cipher, UrlSafety urlSafety) {
        return dispatcher(config, store, cipher, urlSafety, new SimpleMeterRegistry());
    }

    static Dispatcher dispatcher(WebhooksConfig config, DeliveryStore store, SecretCipher cipher, UrlSafety urlSafety,
            io.micrometer.core.instrument.MeterRegistry metrics) {
        return dispatcher(config, store, cipher, urlSafety, metrics, Map.of());
    }

    /** The same, with some dispatcher settings of its own: {@code settings} maps a setting's method name to its value. */
    static Dispatcher dispatcher(WebhooksConfig config, DeliveryStore store, SecretCipher cipher, UrlSafety urlSafety,
            io.micrometer.core.instrument.MeterRegistry metrics, Map<String, Object> settings) {
        WebhooksConfig.Dispatcher running = (WebhooksConfig.Dispatcher) Proxy.newProxyInstance(
                WebhooksConfig.Dispatcher.class.getClassLoader(), new Class<?>[] { WebhooksConfig.Dispatcher.class },
                (proxy, method, args) -> settings.containsKey(method.getName()) ? settings.get(method.getName())
                        : switch (method.getName()) {
                    case "enabled" -> true;
                    case "instanceId" -> java.util.Optional.of("instance-" + UUID.randomUUID());
                    default -> method.invoke(config.dispatcher(), args);
                });
        WebhooksConfig webhooks = (WebhooksConfig) Proxy.newProxyInstance(WebhooksConfig.class.getClassLoader(),
                new Class<?>[] { WebhooksConfig.class },
                (proxy, method, args) -> "dispatcher".equals(method.getName()) ? running : method.invoke(config, args));
        return new Dispatcher(webhooks, store, cipher, urlSafety, metrics);
    }
}
