package io.carehub.notifier;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Predicate;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP receiver for webhook tests, on 127.0.0.1 (an ephemeral port), started once per test JVM. Each
 * test takes its own {@link Endpoint} (a path of its own), which records every request and answers with a
 * status (and body) the test can change at any time.
 */
public final class TestReceiver {

    /** One request as received. Header names are lower case. */
    public record Request(String method, Map<String, String> headers, String body, Instant at, int answered) {
        public String header(String name) {
            return headers.get(name.toLowerCase());
        }
    }

    public static final class Endpoint {
        private final String url;
        private final List<Request> requests = new CopyOnWriteArrayList<>();
        private volatile int status = 200;
        private volatile String responseBody = "";
        private volatile String retryAfter;
        private volatile Duration delay = Duration.ZERO;
        private final java.util.concurrent.atomic.AtomicInteger inFlight = new java.util.concurrent.atomic.AtomicInteger();
        private final java.util.concurrent.atomic.AtomicInteger maxInFlight = new java.util.concurrent.atomic.AtomicInteger();

        Endpoint(String url) {
            this.url = url;
        }

        public String url() {
            return url;
        }

        public List<Request> requests() {
            return List.copyOf(requests);
        }

        public Endpoint answer(int status) {
            this.status = status;
            return this;
        }

        public Endpoint answer(int status, String body) {
            this.status = status;
            this.responseBody = body;
            return this;
        }

        /** Answers each request only after {@code delay} (a slow subscriber). */
        public Endpoint delay(Duration delay) {
            this.delay = delay;
            return this;
        }

        /** The most requests this endpoint ever had in progress at once. */
        public int maxConcurrent() {
            return maxInFlight.get();
        }

        public Endpoint retryAfter(String value) {
            this.retryAfter = value;
            return this;
        }

        /** Waits (polling, with a deadline) until a request matches; returns it. */
        public Request await(Predicate<Request> match, Duration deadline) {
            Instant end = Instant.now().plus(deadline);
            while (Instant.now().isBefore(end)) {
                for (Request r : requests) {
                    if (match.test(r)) {
                        return r;
                    }
                }
                pause();
            }
            throw new AssertionError("no matching request at " + url + " within " + deadline + "; got " + requests.size());
        }

        public Request awaitFirst(Duration deadline) {
            return await(r -> true, deadline);
        }

        /** Waits until at least {@code n} requests arrived. */
        public List<Request> awaitCount(int n, Duration deadline) {
            Instant end = Instant.now().plus(deadline);
            while (Instant.now().isBefore(end)) {
                if (requests.size() >= n) {
                    return requests();
                }
                pause();
            }
            throw new AssertionError(n + " requests expected at " + url + " within " + deadline + "; got " + requests.size());
        }

        void handle(HttpExchange exchange) throws IOException {
            maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            try {
                respond(exchange);
            } finally {
                inFlight.decrementAndGet();
            }
        }

        private void respond(HttpExchange exchange) throws IOException {
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            Map<String, String> headers = new java.util.HashMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), v.get(0)));
            int answered = status;
            byte[] out = responseBody.getBytes(StandardCharsets.UTF_8);
            requests.add(new Request(exchange.getRequestMethod(), Map.copyOf(headers), body, Instant.now(), answered));
            if (!delay.isZero()) {
                try {
                    Thread.sleep(delay.toMillis()); // the slow subscriber this endpoint plays
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (retryAfter != null) {
                exchange.getResponseHeaders().add("Retry-After", retryAfter);
            }
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(answered, out.length == 0 ? -1 : out.length);
            if (out.length > 0) {
                exchange.getResponseBody().write(out);
            }
            exchange.close();
        }
    }

    private static HttpServer server;

    private TestReceiver() {
    }

    /** A new endpoint with a path of its own. */
    public static synchronized Endpoint endpoint() {
        if (server == null) {
            try {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
                server.setExecutor(Executors.newCachedThreadPool());
                server.start();
            } catch (IOException e) {
                throw new IllegalStateException("cannot start the test HTTP receiver", e);
            }
        }
        String path = "/hook/" + UUID.randomUUID();
        Endpoint endpoint = new Endpoint("http://127.0.0.1:" + server.getAddress().getPort() + path);
        server.createContext(path, endpoint::handle);
        return endpoint;
    }

    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
