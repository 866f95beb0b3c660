package io.carehub.notifier.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.carehub.notifier.TestClients;
import io.carehub.notifier.TestEvents;
import io.carehub.notifier.TestReceiver;
import io.carehub.notifier.client.SecretCipher;
import io.carehub.notifier.config.WebhooksConfig;
import io.carehub.notifier.pending.ChangeConsumer;
import io.carehub.notifier.pending.Consumers;
import io.carehub.notifier.pending.PendingRanges;
import io.carehub.notifier.subscription.UrlSafety;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * A whole notifier (its change consumer and its dispatcher) stopped mid-way and a new one started later, as a
 * restart or a redeploy does: every change made before, during and after reaches the subscriber. The
 * application's own consumer and dispatcher are off; the test runs the "instances".
 */
@QuarkusTest
@TestProfile(RestartTests.OwnInstances.class)
class RestartTests {

    public static class OwnInstances implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("carehub.webhooks.dispatcher.enabled", "false", "carehub.webhooks.consumer.enabled", "false");
        }
    }

    static final Duration DEADLINE = Duration.ofSeconds(60);

    @Inject
    WebhooksConfig config;
    @Inject
    DeliveryStore store;
    @Inject
    SecretCipher cipher;
    @Inject
    UrlSafety urlSafety;
    @Inject
    PendingRanges pending;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void aNotifierRestartedMidWayLosesNothing() throws Exception {
        String tenant = "restart-" + UUID.randomUUID();
        TestReceiver.Endpoint hook = ScaleOutTests.subscribeAs(TestClients.accessToken(TestClients.create(tenant, "all", "webhooks")),
                TestReceiver.endpoint().delay(Duration.ofMillis(200)));

        Dispatcher dispatcher = ScaleOutTests.dispatcher(config, store, cipher, urlSafety);
        ChangeConsumer consumer = Consumers.create(config, bootstrapServers, pending, dispatcher);
        dispatcher.start(null);
        Consumers.start(consumer);
        Instant before = TestEvents.now();
        TestEvents.publish(ScaleOutTests.TOPIC, tenant, "patients", UUID.randomUUID().toString(), before);
        hook.await(r -> ScaleOutTests.covers(List.of(r), before), DEADLINE);

        Consumers.stop(consumer);
        dispatcher.stop(null);
        List<Instant> whileDown = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Instant t = TestEvents.now();
            whileDown.add(t);
            TestEvents.publish(ScaleOutTests.TOPIC, tenant, "patients", UUID.randomUUID().toString(), t);
        }

        Dispatcher restartedDispatcher = ScaleOutTests.dispatcher(config, store, cipher, urlSafety);
        ChangeConsumer restartedConsumer = Consumers.create(config, bootstrapServers, pending, restartedDispatcher);
        restartedDispatcher.start(null);
        Consumers.start(restartedConsumer);
        try {
            Instant after = TestEvents.now();
            TestEvents.publish(ScaleOutTests.TOPIC, tenant, "patients", UUID.randomUUID().toString(), after);
            whileDown.add(after);
            for (Instant t : whileDown) {
                hook.await(r -> ScaleOutTests.covers(List.of(r), t), DEADLINE);
            }
        } finally {
            Consumers.stop(restartedConsumer);
            restartedDispatcher.stop(null);
        }
    }
}
