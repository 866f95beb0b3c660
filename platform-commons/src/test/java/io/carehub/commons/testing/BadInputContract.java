package io.carehub.commons.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import io.carehub.commons.testing.BadInputCases.Case;
import io.restassured.RestAssured;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;

/**
 * Bad input everywhere, generated (issue 13): reads the service's own OpenAPI document ({@code /q/openapi}) and sends
 * every {@code /v1} operation the bad requests of {@link BadInputCases} (thousands per service), with a token of every
 * scope, so that they get past authentication into validation. Each answer must be no {@code 5xx}, a {@code 4xx}
 * wherever the input is bad whatever the data, and then exactly the {@code errors} body of API.md §2 with a code
 * of its table (the token endpoint: OAuth's error body, API.md §1). Nothing may be stored or published: every table
 * of the service is compared (row count and a digest of its rows) after each operation's requests, and the end
 * offsets of {@code <service>.changes} after the run.
 * <p>
 * A service runs it with a {@code @QuarkusTest} subclass that says which service it is and gives a valid Create body
 * for each collection (the resources the bad requests' path ids name are made from them before the run).
 */
public abstract class BadInputContract {

    /** The codes of API.md §2's table and the status each is answered with. */
    static final Map<String, Integer> CODES = Map.ofEntries(Map.entry("parse_exception", 400),
            Map.entry("bad_request", 400), Map.entry("uniqueness_exception", 400), Map.entry("unauthorized", 401),
            Map.entry("forbidden", 403), Map.entry("not_found", 404), Map.entry("resource_not_found", 404),
            Map.entry("payload_too_large", 413), Map.entry("unsupported_media_type", 415),
            Map.entry("too_many_requests", 429), Map.entry("internal_server_error", 500));

    /** The fields an entry of the errors list may have. */
    static final Set<String> ERROR_FIELDS = Set.of("status", "code", "title", "detail", "extra");

    /** The token endpoint's error codes (RFC 6749 §5.2). */
    static final Set<String> OAUTH_ERRORS = Set.of("invalid_request", "invalid_client", "invalid_grant",
            "unauthorized_client", "unsupported_grant_type", "invalid_scope");

    /** Requests in flight at once: the machine has 2 cores, the service waits on its database. */
    static final int PARALLEL = 4;

    private static final ObjectMapper STRICT = JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    @Inject
    protected Pool pool;

    /** Requests the HTTP server refused before the application ({@link #refusedByTheHttpServer}). */
    private final AtomicInteger byTheHttpServer = new AtomicInteger();

    protected final String tenant = TestHttp.newTenant("bad-input");
    /** Every scope there is, so that a request is refused for its input, not its token. */
    protected final String token = TestTokens.token(tenant, "all admin operator webhooks");

    /** e.g. {@code patients-service}: its change topic is {@code <service>.changes}. */
    protected abstract String service();

    /**
     * A valid Create body for each collection that has Create, in the order to create them (making, through the API or
     * {@link TestOwners}, what they refer to). Called twice: the first bodies are created before the run, for the path
     * ids; the second are the bases that one field at a time is made bad in (so should differ where values must be unique).
     */
    protected abstract Map<String, String> validBodies();

    /** Tables that background work of the service changes by itself during the run (none by default). */
    protected Set<String> tablesChangedInTheBackground() {
        return Set.of();
    }

    @Test
    void answersEveryBadRequestOfEveryOperationWithA4xxErrorsBodyAndChangesNothing() throws Exception {
        Instant start = Instant.now();
        Map<String, String> bodies = validBodies();
        Map<String, String> ids = new LinkedHashMap<>();
        for (var body : bodies.entrySet()) {
            ids.put(body.getKey(), TestHttp.post(token, "/v1/" + body.getKey(), body.getValue()).statusCode(200)
                    .extract().path("data.id"));
        }
        JsonNode doc = TestChangeEvents.json(RestAssured.given().accept("application/json").get("/q/openapi?format=json")
                .then().statusCode(200).extract().asString());
        doc.path("paths").fieldNames().forEachRemaining(path -> {
            String collection = BadInputCases.collectionOf(path);
            if (path.matches("/v1/[a-z_]+") && !ids.containsKey(collection) && doc.path("paths").path(path).has("get")) {
                List<String> found = TestHttp.get(token, path + "?page[size]=1").statusCode(200).extract().path("data.id");
                if (!found.isEmpty()) {
                    ids.put(collection, found.get(0));
                }
            }
        });
        // Bases of their own: a body of the seed's, if accepted, might be refused as a duplicate instead of being stored.
        List<Case> cases = BadInputCases.of(doc, ids, validBodies());
        Map<String, List<Case>> byOperation = cases.stream()
                .collect(Collectors.groupingBy(Case::operation, LinkedHashMap::new, Collectors.toList()));

        awaitOutboxRelayed();
        Map<String, String> tables = awaitSteadyTables();
        Map<TopicPartition, Long> offsets = endOffsets();

        RawHttp http = new RawHttp("localhost", RestAssured.port);
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        List<String> all = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger failed = new AtomicInteger();
        ExecutorService senders = Executors.newFixedThreadPool(PARALLEL);
        try {
            for (var operation : byOperation.entrySet()) {
                List<Future<?>> sent = new ArrayList<>();
                for (Case c : operation.getValue()) {
                    sent.add(senders.submit(() -> {
                        String failure = check(http, c);
                        if (failure != null) {
                            failed.incrementAndGet();
                            all.add(failure);
                            if (failures.size() < 60) {
                                failures.add(failure);
                            }
                        }
                    }));
                }
                for (Future<?> f : sent) {
                    f.get();
                }
                Map<String, String> now = tableDigests();
                if (!now.equals(tables)) {
                    failed.incrementAndGet();
                    failures.add(operation.getKey() + ": bad requests changed tables " + changed(tables, now));
                    all.add(failures.get(failures.size() - 1));
                    tables = now;
                }
            }
        } finally {
            senders.shutdownNow();
        }
        awaitOutboxRelayed();
        Map<TopicPartition, Long> after = endOffsets();
        if (!after.equals(offsets)) {
            failed.incrementAndGet();
            failures.add(service() + ".changes: events were published: end offsets " + offsets + " -> " + after);
            all.add(failures.get(failures.size() - 1));
        }
        String line = "bad input: " + service() + " " + cases.size() + " requests, " + failed.get() + " failures ("
                + byOperation.size() + " operations, " + byTheHttpServer.get() + " refused by the HTTP server itself, "
                + Duration.between(start, Instant.now()).toMillis() + " ms)";
        System.out.println(line);
        // Every failure, for whoever fixes them (the assertion shows the first few).
        java.nio.file.Files.write(java.nio.file.Path.of("target", "bad-input-failures.txt"), all);
        assertTrue(failures.isEmpty(), line + "\n" + String.join("\n", failures));
        assertTrue(cases.size() > 0, "no operation in the OpenAPI document");
    }

    /** Sends {@code c}; what is wrong with the answer, or null. */
    private String check(RawHttp http, Case c) {
        String request = c.method() + " " + BadInputCases.abbreviate(c.target()) + " [" + c.what() + "]";
        RawHttp.Response r;
        try {
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("Authorization", "Bearer " + token);
            headers.put("Content-Type", c.contentType());
            r = http.send(c.method(), c.target(), headers, c.body(), c.chunked());
        } catch (Exception e) {
            return request + ": no answer: " + e;
        }
        String body = BadInputCases.abbreviate(r.text().length() > 300 ? r.text().substring(0, 300) : r.text());
        String answer = request + ": " + r.status() + " " + body;
        if (r.status() >= 500) {
            return answer;
        }
        if (refusedByTheHttpServer(c.target(), r) || c.chunked() && c.body().length > QUARKUS_BODY_LIMIT && r.status() == 413) {
            byTheHttpServer.incrementAndGet();
            return null;
        }
        if (r.status() < 400) {
            return c.mustFail() || r.status() >= 300 ? answer + " (bad input accepted)" : null;
        }
        String contentType = r.header("Content-Type");
        if (contentType == null || !contentType.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
            return answer + " (Content-Type " + contentType + ")";
        }
        JsonNode json;
        try {
            json = STRICT.readTree(r.body());
        } catch (Exception e) {
            return answer + " (not JSON)";
        }
        if (c.target().equals("/v1/token") && json != null && json.has("error")) {
            return OAUTH_ERRORS.contains(json.path("error").asText()) && r.status() == 400 ? null : answer + " (not OAuth's error body)";
        }
        String problem = errorsBodyProblem(json, r.status());
        return problem == null ? null : answer + " (" + problem + ")";
    }

    /**
     * Whether {@code r} is the HTTP server's own refusal of a request line that never reaches the application, so that
     * no code of the service can give it the errors body: Quarkus answers a target {@link java.net.URI} cannot parse
     * (a {@code %} not followed by two hex digits) with an empty {@code 400} before any route (by design: its URI
     * validation can only be switched off, quarkusio/quarkus#37804), and Netty one longer than
     * {@link #MAX_REQUEST_LINE} with {@code 414}.
     */
    static boolean refusedByTheHttpServer(String target, RawHttp.Response r) {
        boolean invalidUri;
        try {
            new java.net.URI(target);
            invalidUri = false;
        } catch (java.net.URISyntaxException e) {
            invalidUri = true;
        }
        return invalidUri && r.status() == 400 && r.body().length == 0
                || target.length() > MAX_REQUEST_LINE - 20 && r.status() == 414;
    }

    /**
     * {@code quarkus.http.limits.max-body-size}: a chunked body past it (no {@code Content-Length} for the 1 MiB check to
     * see) is cut off by Quarkus's input stream with an empty {@code 413} (still open: see the README's testing notes).
     */
    static final int QUARKUS_BODY_LIMIT = 2 * 1024 * 1024;

    /** Netty's bound on the request line ({@code quarkus.http.limits.max-initial-line-length}). */
    static final int MAX_REQUEST_LINE = 4096;

    /** What makes {@code json} not the errors body of API.md §2 for {@code status}, or null. */
    static String errorsBodyProblem(JsonNode json, int status) {
        if (json == null || !json.isObject() || json.size() != 1 || !json.path("errors").isArray() || json.get("errors").isEmpty()) {
            return "not {\"errors\": [...]}";
        }
        for (JsonNode error : json.get("errors")) {
            if (!error.isObject()) {
                return "an error that is no object";
            }
            Set<String> names = new HashSet<>();
            error.fieldNames().forEachRemaining(names::add);
            names.removeAll(ERROR_FIELDS);
            if (!names.isEmpty()) {
                return "unknown fields " + names;
            }
            String code = error.path("code").asText(null);
            if (!error.path("code").isTextual() || !CODES.containsKey(code)) {
                return "code " + error.path("code") + " is not of API.md §2";
            }
            if (CODES.get(code) != status || !error.path("status").isInt() || error.get("status").asInt() != status) {
                return "status " + error.path("status") + " / " + code + " for a " + status;
            }
            for (String text : List.of("title", "detail")) {
                if (error.has(text) && !error.get(text).isTextual()) {
                    return text + " is not a string";
                }
            }
            if (error.has("extra") && (!error.get("extra").isObject()
                    || error.get("extra").has("path") && !error.get("extra").get("path").isTextual())) {
                return "extra is not {\"path\": \"...\"}";
            }
        }
        return null;
    }

    /** Every table of the service but the outbox (relayed and emptied by itself): its row count and a digest of its rows. */
    private Map<String, String> tableDigests() {
        List<String> names = new ArrayList<>();
        for (Row row : pool.query("SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()"
                + " AND table_type = 'BASE TABLE' ORDER BY table_name").execute().await().atMost(Duration.ofSeconds(10))) {
            String name = row.getString(0);
            if (!name.equals("outbox_events") && !name.startsWith("flyway_") && !tablesChangedInTheBackground().contains(name)) {
                names.add(name);
            }
        }
        String sql = names.stream().map(t -> "SELECT '" + t + "' AS t, count(*) || ':' || coalesce(md5(string_agg(x::text, '|'"
                + " ORDER BY x::text)), '') AS d FROM \"" + t + "\" x").collect(Collectors.joining(" UNION ALL "));
        Map<String, String> digests = new LinkedHashMap<>();
        for (Row row : pool.query(sql).execute().await().atMost(Duration.ofSeconds(10))) {
            digests.put(row.getString("t"), row.getString("d"));
        }
        return digests;
    }

    private static String changed(Map<String, String> before, Map<String, String> after) {
        return after.keySet().stream().filter(t -> !after.get(t).equals(before.get(t)))
                .map(t -> t + " (rows:digest " + before.get(t) + " -> " + after.get(t) + ")").toList().toString();
    }

    /** Until the seed's change events have left the outbox: they would change Kafka's offsets during the run. */
    private void awaitOutboxRelayed() {
        Instant deadline = Instant.now().plus(TestChangeEvents.DEADLINE);
        while (pool.query("SELECT count(*) FROM outbox_events").execute().await().atMost(Duration.ofSeconds(10)).iterator()
                .next().getLong(0) > 0) {
            assertTrue(Instant.now().isBefore(deadline), "the outbox was not relayed within " + TestChangeEvents.DEADLINE);
            TestChangeEvents.pause();
        }
    }

    /** The tables once what the seed set off (reference look-ups, consumers) has settled: the same twice in a row. */
    private Map<String, String> awaitSteadyTables() {
        Instant deadline = Instant.now().plus(TestChangeEvents.DEADLINE);
        Map<String, String> last = tableDigests();
        while (true) {
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            Map<String, String> now = tableDigests();
            if (now.equals(last)) {
                return now;
            }
            assertTrue(Instant.now().isBefore(deadline), "the tables kept changing: " + changed(last, now));
            last = now;
        }
    }

    private Map<TopicPartition, Long> endOffsets() {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers());
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {
            String topic = service() + ".changes";
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            Map<TopicPartition, Long> offsets = new LinkedHashMap<>(consumer.endOffsets(partitions, Duration.ofSeconds(10)));
            assertEquals(false, offsets.isEmpty(), "no partitions of " + topic);
            return offsets;
        }
    }
}
