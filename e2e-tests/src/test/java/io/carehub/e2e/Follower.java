package io.carehub.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * An integrated system that keeps a copy of the platform's data by ping and pull only (API.md §7): a webhook
 * receiver that checks each notification's Standard Webhooks signature, answers at once, and hands it to one
 * thread that pulls every {@code href} (following {@code links.next.href}) and keeps the newest version of every
 * resource it sees. A pull that fails is tried again, as a careful follower does; nothing else is ever read.
 */
final class Follower implements AutoCloseable {

    /** One range of one notification, and when it arrived. */
    record Ping(Instant arrived, String resource, Instant from, Instant to, String href) {
    }

    private final HttpServer server;
    private final BlockingQueue<List<Ping>> inbox = new LinkedBlockingQueue<>();
    private final Map<String, Map<String, JsonNode>> mirror = new ConcurrentHashMap<>();
    final List<Ping> pings = new CopyOnWriteArrayList<>();
    final AtomicInteger notifications = new AtomicInteger();
    final AtomicInteger badSignatures = new AtomicInteger();
    final AtomicInteger failedPulls = new AtomicInteger();
    /** Notifications whose every range has been pulled (or given up on). */
    private final AtomicInteger pulled = new AtomicInteger();
    private final Thread puller;
    private volatile Api api;
    private volatile byte[] signingKey;
    private volatile boolean closed;

    Follower() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", this::receive);
        server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
        server.start();
        puller = new Thread(this::pullForever, "follower-puller");
        puller.setDaemon(true);
        puller.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    /** Pulls with {@code api}; checks signatures with the subscription's {@code secret} ({@code whsec_...}). */
    void follow(Api api, String secret) {
        this.api = api;
        this.signingKey = Base64.getDecoder().decode(secret.substring("whsec_".length()));
    }

    private void receive(HttpExchange exchange) throws IOException {
        Instant arrived = Instant.now();
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        try {
            if (!signed(exchange, body)) {
                badSignatures.incrementAndGet();
                exchange.sendResponseHeaders(401, -1);
                return;
            }
            List<Ping> ranges = new ArrayList<>();
            for (JsonNode r : Api.JSON.readTree(body)) {
                ranges.add(new Ping(arrived, r.get("resource").asText(), Api.instant(r.get("from").asText()),
                        Api.instant(r.get("to").asText()), r.get("href").asText()));
            }
            notifications.incrementAndGet();
            pings.addAll(ranges);
            inbox.add(ranges);
            exchange.sendResponseHeaders(200, -1);
        } finally {
            exchange.close();
        }
    }

    /** The Standard Webhooks signature: v1,base64(HMAC-SHA256(key, "<id>.<timestamp>.<body>")). */
    private boolean signed(HttpExchange exchange, byte[] body) {
        try {
            String id = exchange.getRequestHeaders().getFirst("webhook-id");
            String timestamp = exchange.getRequestHeaders().getFirst("webhook-timestamp");
            String signature = exchange.getRequestHeaders().getFirst("webhook-signature");
            if (id == null || timestamp == null || signature == null || signingKey == null) {
                return false;
            }
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(signingKey, "HmacSHA256"));
            mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
            String expected = "v1," + Base64.getEncoder().encodeToString(mac.doFinal(body));
            for (String s : signature.split(" ")) {
                if (s.equals(expected)) {
                    return true;
                }
            }
            return false;
        } catch (java.security.GeneralSecurityException e) {
            return false;
        }
    }

    private void pullForever() {
        while (!closed) {
            List<Ping> ranges;
            try {
                ranges = inbox.poll(200, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return;
            }
            if (ranges != null) {
                for (Ping range : ranges) {
                    pull(range);
                }
                pulled.incrementAndGet();
            }
        }
    }

    private void pull(Ping range) {
        Instant giveUp = Instant.now().plus(Duration.ofMinutes(3));
        while (!closed) {
            List<JsonNode> items = api.findAll(range.href());
            if (items != null) {
                Map<String, JsonNode> copy = mirror.computeIfAbsent(range.resource(), c -> new ConcurrentHashMap<>());
                for (JsonNode item : items) {
                    copy.merge(item.get("id").asText(), item,
                            (old, now) -> now.get("updated_at").asText().compareTo(old.get("updated_at").asText()) >= 0
                                    ? now : old);
                }
                return;
            }
            failedPulls.incrementAndGet();
            if (Instant.now().isAfter(giveUp)) {
                Platform.log("follower: gave up pulling %s", range.href());
                return;
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Whether every notification received so far has been pulled. */
    boolean idle() {
        return pulled.get() == notifications.get();
    }

    /** The copy of {@code collection}: id → the newest version pulled. */
    Map<String, JsonNode> copyOf(String collection) {
        return mirror.getOrDefault(collection, Map.of());
    }

    @Override
    public void close() {
        closed = true;
        server.stop(0);
        puller.interrupt();
    }
}
