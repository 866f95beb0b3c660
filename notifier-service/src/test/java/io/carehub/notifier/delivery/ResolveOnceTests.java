package io.carehub.notifier.delivery;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.carehub.notifier.TestClients;
import io.carehub.notifier.TestEvents;
import io.carehub.notifier.TestReceiver;
import io.carehub.notifier.client.SecretCipher;
import io.carehub.notifier.config.WebhooksConfig;
import io.carehub.notifier.subscription.UrlSafety;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * API.md §7, URL safety against DNS rebinding: a delivery resolves the subscriber's host once, checks the
 * answer, and connects to exactly that address, for {@code url} and {@code token_endpoint_url}. All on
 * loopback: a test policy counts 127.0.0.2 as public and 127.0.0.1 as private, a rebinding resolver answers
 * 127.0.0.2 first and 127.0.0.1 afterwards, and two real receivers listen on the same port of both, the
 * subscriber's and the "internal" one that must never be reached.
 */
@QuarkusTest
@TestProfile(ScaleOutTests.OwnDispatchers.class)
class ResolveOnceTests {

    static final Duration DEADLINE = Duration.ofSeconds(30);
    static final String PUBLIC = "127.0.0.2";
    static final String INTERNAL = "127.0.0.1";
    static final Predicate<InetAddress> TEST_POLICY = a -> a.getHostAddress().equals(PUBLIC);

    @Inject
    WebhooksConfig config;
    @Inject
    DeliveryStore store;
    @Inject
    SecretCipher cipher;

    final String tenant = "rebind-" + UUID.randomUUID();
    String token;
    final List<String> made = new java.util.ArrayList<>();
    TestReceiver.Server subscriberSide;
    TestReceiver.Server internalSide;

    /** Answers its first lookup of each name with 127.0.0.2 (public), every later one with 127.0.0.1 (internal). */
    static final class RebindingDns implements UrlSafety.Resolver {
        final Map<String, AtomicInteger> lookups = new ConcurrentHashMap<>();

        @Override
        public InetAddress[] resolve(String host) throws UnknownHostException {
            int n = lookups.computeIfAbsent(host, h -> new AtomicInteger()).incrementAndGet();
            return new InetAddress[] { InetAddress.getByName(n == 1 ? PUBLIC : INTERNAL) };
        }

        int lookups(String host) {
            AtomicInteger n = lookups.get(host);
            return n == null ? 0 : n.get();
        }
    }

    @BeforeEach
    void receivers() throws IOException {
        token = TestClients.accessToken(TestClients.create(tenant, "all", "webhooks"));
        // The same port on both addresses: only the address connected to decides who gets the request.
        for (int tries = 0; internalSide == null; tries++) {
            subscriberSide = TestReceiver.server(PUBLIC, 0);
            try {
                internalSide = TestReceiver.server(INTERNAL, subscriberSide.port());
            } catch (IOException taken) {
                subscriberSide.close();
                if (tries > 20) {
                    throw taken;
                }
            }
        }
    }

    /** Their names resolve only here: deleted, so that no other dispatcher ever looks them up. */
    @AfterEach
    void deleteSubscriptionsAndStopReceivers() {
        made.forEach(id -> given().auth().oauth2(token).delete("/v1/webhook_subscriptions/" + id).then().statusCode(200));
        subscriberSide.close();
        internalSide.close();
    }

    @Test
    void aDeliveryConnectsToTheAddressItCheckedAndTheNameRebindingLaterReachesNothing() throws Exception {
        String host = "hooks.rebind.test";
        TestReceiver.Endpoint hook = subscriberSide.endpoint(host, "/hook");
        TestReceiver.Endpoint internal = internalSide.endpoint(host, "/hook");
        String id = subscribe("{\"url\": \"" + hook.url() + "\", \"resources\": [\"patients\"]}");
        RebindingDns dns = new RebindingDns();
        Dispatcher dispatcher = ScaleOutTests.dispatcher(config, store, cipher, new UrlSafety(false, dns, TEST_POLICY));
        dispatcher.start(null);
        JsonPath deliveries;
        try {
            TestEvents.publish(ScaleOutTests.TOPIC, tenant, "patients", UUID.randomUUID().toString(), TestEvents.now());
            hook.awaitFirst(DEADLINE);
            awaitDeliveries(id, 1);
            // The name now answers with the internal address: the next attempt is refused, not sent there.
            TestEvents.publish(ScaleOutTests.TOPIC, tenant, "patients", UUID.randomUUID().toString(), TestEvents.now());
            awaitDeliveries(id, 2);
        } finally {
            dispatcher.stop(null);
        }
        deliveries = awaitDeliveries(id, 2);
        int attempts = deliveries.getList("data").size();
        assertEquals(1, hook.requests().size(), "the first attempt reached the address it checked");
        assertEquals(0, internal.requests().size(), "the internal receiver on the same port got nothing");
        assertEquals(attempts, dns.lookups(host), "the name was looked up once per attempt");
        assertEquals(200, deliveries.getInt("data[0].status_code"));
        for (int i = 1; i < attempts; i++) {
            assertNull(deliveries.get("data[" + i + "].status_code"));
            assertEquals("refused: url must not resolve to a loopback, link-local, private or reserved address",
                    deliveries.getString("data[" + i + "].error"));
        }
    }

    @Test
    void aTokenExchangeConnectsToTheAddressItCheckedToo() throws Exception {
        TestReceiver.Endpoint hook = subscriberSide.endpoint("hooks.rebind.test", "/hook");
        // expires_in 0: never cached, so every attempt exchanges (and looks the token endpoint up) again.
        TestReceiver.Endpoint tokens = subscriberSide.endpoint("tokens.rebind.test", "/token")
                .answer(200, "{\"access_token\": \"from-the-checked-address\", \"expires_in\": 0}");
        TestReceiver.Endpoint internalTokens = internalSide.endpoint("tokens.rebind.test", "/token")
                .answer(200, "{\"access_token\": \"from-the-internal-network\", \"expires_in\": 0}");
        String id = subscribe("{\"url\": \"" + hook.url() + "\", \"resources\": [\"patients\"], \"token_endpoint_url\": \""
                + tokens.url() + "\"}");
        RebindingDns dns = new RebindingDns();
        // The delivery URL's name always answers the subscriber's address: only the token endpoint rebinds.
        UrlSafety.Resolver resolver = host -> host.startsWith("hooks.") ? new InetAddress[] { InetAddress.getByName(PUBLIC) }
                : dns.resolve(host);
        Dispatcher dispatcher = ScaleOutTests.dispatcher(config, store, cipher, new UrlSafety(false, resolver, TEST_POLICY));
        dispatcher.start(null);
        try {
            TestEvents.publish(ScaleOutTests.TOPIC, tenant, "patients", UUID.randomUUID().toString(), TestEvents.now());
            assertEquals("Bearer from-the-checked-address", hook.awaitFirst(DEADLINE).header("authorization"));
            awaitDeliveries(id, 1);
            TestEvents.publish(ScaleOutTests.TOPIC, tenant, "patients", UUID.randomUUID().toString(), TestEvents.now());
            awaitDeliveries(id, 2);
        } finally {
            dispatcher.stop(null);
        }
        JsonPath deliveries = awaitDeliveries(id, 2);
        int attempts = deliveries.getList("data").size();
        assertEquals(1, tokens.requests().size());
        assertEquals(0, internalTokens.requests().size(), "the internal token endpoint on the same port got nothing");
        assertEquals(1, hook.requests().size(), "no delivery without its token");
        assertEquals(attempts, dns.lookups("tokens.rebind.test"), "the token endpoint was looked up once per attempt");
        for (int i = 1; i < attempts; i++) {
            assertEquals("refused: token_endpoint_url must not resolve to a loopback, link-local, private or reserved address",
                    deliveries.getString("data[" + i + "].error"));
        }
    }

    @Test
    void aNameResolvingToAnyRefusedAddressIsNotConnectedToAtAll() throws Exception {
        String host = "mixed.rebind.test";
        TestReceiver.Endpoint hook = subscriberSide.endpoint(host, "/hook");
        TestReceiver.Endpoint internal = internalSide.endpoint(host, "/hook");
        String id = subscribe("{\"url\": \"" + hook.url() + "\", \"resources\": [\"patients\"]}");
        // One public and one internal answer: the connection could be made to either, so it is made to neither.
        UrlSafety.Resolver mixed = h -> new InetAddress[] { InetAddress.getByName(PUBLIC), InetAddress.getByName(INTERNAL) };
        Dispatcher dispatcher = ScaleOutTests.dispatcher(config, store, cipher, new UrlSafety(false, mixed, TEST_POLICY));
        dispatcher.start(null);
        JsonPath deliveries;
        try {
            TestEvents.publish(ScaleOutTests.TOPIC, tenant, "patients", UUID.randomUUID().toString(), TestEvents.now());
            deliveries = awaitDeliveries(id, 1);
        } finally {
            dispatcher.stop(null);
        }
        assertTrue(deliveries.getString("data[0].error").startsWith("refused: url"), deliveries.getString("data[0].error"));
        assertEquals(List.of(), hook.requests());
        assertEquals(List.of(), internal.requests());
    }

    String subscribe(String body) {
        String id = given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post("/v1/webhook_subscriptions")
                .then().statusCode(200).extract().path("data.id");
        made.add(id);
        return id;
    }

    JsonPath awaitDeliveries(String id, int atLeast) {
        Instant end = Instant.now().plus(DEADLINE);
        while (Instant.now().isBefore(end)) {
            JsonPath page = given().auth().oauth2(token).get("/v1/webhook_subscriptions/" + id + "/deliveries?page[size]=100")
                    .then().statusCode(200).extract().jsonPath();
            if (page.getList("data").size() >= atLeast) {
                return page;
            }
        }
        throw new AssertionError("fewer than " + atLeast + " delivery attempts recorded within " + DEADLINE);
    }
}
