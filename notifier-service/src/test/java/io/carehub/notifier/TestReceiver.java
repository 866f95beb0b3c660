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
 * status (and body) the test can change at any time, or plays a hostile endpoint: one whose body never ends
 * ({@link Endpoint#endless}) or trickles ({@link Endpoint#trickle}). {@link #server} starts a receiver of a
 * test's own on another loopback address (a rebinding DNS's "public" and "internal" hosts).
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
        private volatile boolean endless;
        private final List<Instant> hungUp = new CopyOnWriteArrayList<>();
        private volatile Duration trickle;
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

        /** Answers 200 with a body that never ends (64 KiB chunks, as fast as the client reads), until it hangs up. */
        public Endpoint endless() {
            this.endless = true;
            return this;
        }

        /** Answers 200 at once, then its body one byte every {@code perByte}, until the client hangs up. */
        public Endpoint trickle(Duration perByte) {
            this.trickle = perByte;
            return this;
        }

        /** When the client hung up on each endless or trickled answer. */
        public List<Instant> hungUp() {
            return List.copyOf(hungUp);
        }

        /** Requests in progress now. */
        public int inFlight() {
            return inFlight.get();
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
            if (endless || trickle != null) {
                stream(exchange, answered);
                return;
            }
            exchange.sendResponseHeaders(answered, out.length == 0 ? -1 : out.length);
            if (out.length > 0) {
                exchange.getResponseBody().write(out);
            }
            exchange.close();
        }

        /** The hostile answers: written until the client goes away (or ten minutes, so a broken test ends). */
        private void stream(HttpExchange exchange, int answered) throws IOException {
            exchange.sendResponseHeaders(answered, 0);
            Instant end = Instant.now().plus(Duration.ofMinutes(10));
            byte[] chunk = new byte[64 * 1024];
            java.util.Arrays.fill(chunk, (byte) ' ');
            try (var body = exchange.getResponseBody()) {
                body.write('{');
                body.flush();
                while (Instant.now().isBefore(end)) {
                    if (endless) {
                        body.write(chunk);
                    } else {
                        Thread.sleep(trickle.toMillis()); // the trickling subscriber this endpoint plays
                        body.write(' ');
                        body.flush();
                    }
                }
            } catch (IOException | InterruptedException e) {
                hungUp.add(Instant.now()); // what a bounded reader does
            } finally {
                exchange.close();
            }
        }
    }

    /** A receiver of a test's own, on one loopback address and port. */
    public static final class Server implements AutoCloseable {
        private final HttpServer http;

        Server(HttpServer http) {
            this.http = http;
        }

        public int port() {
            return http.getAddress().getPort();
        }

        /** An endpoint at {@code path}, named in its URL by {@code host} (a name a test resolver answers for). */
        public Endpoint endpoint(String host, String path) {
            Endpoint endpoint = new Endpoint("http://" + host + ":" + port() + path);
            http.createContext(path, endpoint::handle);
            return endpoint;
        }

        @Override
        public void close() {
            http.stop(0);
        }
    }

    /** Starts a receiver on {@code address} (a loopback one) and {@code port} (0: any free one). */
    public static Server server(String address, int port) throws IOException {
        HttpServer http = HttpServer.create(new InetSocketAddress(address, port), 0);
        http.setExecutor(Executors.newCachedThreadPool());
        http.start();
        return new Server(http);
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
