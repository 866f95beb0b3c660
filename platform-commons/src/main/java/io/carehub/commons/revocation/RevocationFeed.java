package io.carehub.commons.revocation;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.carehub.commons.revocation.RevokedClients.Client;
import io.carehub.commons.access.AccessDefinitions;
import io.carehub.commons.security.ApiCollections;
import io.carehub.commons.security.PlatformSecret;
import io.carehub.commons.validation.Types;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.http.HttpClient;

/**
 * Feeds {@link RevokedClients} from notifier-service's change topic ({@link RevocationConfig}): its api_clients
 * events, which carry ids only. A {@code deleted} event revokes the client; an {@code updated} one (a disable, a
 * re-enable, a rename, a rotated secret, new scopes) makes this service ask notifier-service whether the client is
 * still usable, through its internal endpoint ({@code GET /internal/references/api_clients/<id>?tenant=}, with the
 * platform secret: {@code 200} usable, {@code 404} disabled or deleted). When it cannot answer, the client is
 * unconfirmed (see {@link RevokedClients}) and asked about again every {@code carehub.revocation.retry-interval}.
 * <p>
 * Every instance needs every revocation, so each reads every partition itself (assigned, no consumer group, no
 * offsets committed) and from the beginning at each start: the topic is compacted, so it holds the latest event of
 * every client ever made. Requests wait until it has been read to its end once ({@link RevokedClients}).
 * The consumer runs on its own thread (a Kafka consumer blocks).
 */
@ApplicationScoped
public class RevocationFeed {

    private static final Logger LOG = Logger.getLogger(RevocationFeed.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration KAFKA_TIMEOUT = Duration.ofSeconds(5);
    /** How often the topic's partitions are looked up again once it has some (a partition may be added). */
    private static final Duration PARTITIONS_RECHECK = Duration.ofMinutes(1);
    private static final Duration LOG_EVERY = Duration.ofSeconds(30);

    /** What notifier-service says of a client. */
    enum State {
        USABLE, REVOKED, UNKNOWN
    }

    private record Change(String operation, Instant at) {
    }

    private final RevokedClients revoked;
    private final AccessDefinitions access;
    private final RevocationConfig config;
    private final PlatformSecret secret;
    private final HttpClient http;
    private final String bootstrapServers;
    private final String clientId;

    private volatile boolean running;
    private KafkaConsumer<String, String> consumer;
    private Thread thread;
    /** The end of each partition when it was first assigned, until the topic has been read that far. */
    private final Map<TopicPartition, Long> endAtStart = new HashMap<>();
    private boolean readToEnd;
    private Instant nextPartitionsCheck = Instant.MIN;
    private Instant nextRetry = Instant.MIN;
    private Instant lastUnknownLog = Instant.MIN;

    public RevocationFeed(RevokedClients revoked, AccessDefinitions access, RevocationConfig config, PlatformSecret secret,
            Vertx vertx,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
            @ConfigProperty(name = "quarkus.application.name") String application) {
        this.revoked = revoked;
        this.access = access;
        this.config = config;
        this.secret = secret;
        this.bootstrapServers = bootstrapServers;
        this.clientId = application + "-revocations";
        this.http = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) config.askTimeout().toMillis()).setKeepAlive(true));
    }

    void onStart(@Observes StartupEvent event) {
        if (!config.consume()) {
            revoked.readToEnd();
            return;
        }
        if (config.notifierUrl().filter(u -> !u.isBlank()).isEmpty() || secret.value().isEmpty()) {
            LOG.error("revocations: no notifier URL (carehub.revocation.notifier-url) or platform secret (INTERNAL_SECRET)"
                    + " configured: every updated api client stays unconfirmed, its earlier tokens refused");
        }
        revoked.waitAtMost(config.startupWait(), config.topic());
        consumer = new KafkaConsumer<>(consumerProperties());
        running = true;
        thread = new Thread(this::run, "revocation-feed");
        thread.setDaemon(true);
        thread.start();
    }

    void onStop(@Observes ShutdownEvent event) {
        if (!running) {
            return;
        }
        running = false;
        consumer.wakeup();
        try {
            thread.join(Duration.ofSeconds(10).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        try {
            while (running) {
                ConsumerRecords<String, String> records = ConsumerRecords.empty();
                try {
                    if (Instant.now().isAfter(nextPartitionsCheck)) {
                        assignPartitions();
                    }
                    if (consumer.assignment().isEmpty()) {
                        pause(config.pollTimeout());
                        continue;
                    }
                    records = consumer.poll(pollTimeout());
                    apply(records);
                    if (!readToEnd && endAtStart.entrySet().stream()
                            .allMatch(e -> consumer.position(e.getKey(), KAFKA_TIMEOUT) >= e.getValue())) {
                        readToEnd();
                    }
                    retryUnconfirmed();
                } catch (WakeupException e) {
                    throw e;
                } catch (RuntimeException e) {
                    // Kafka failed us: nothing is lost, the batch comes again.
                    LOG.warnf("revocations: batch not applied, retried from its first record: %s", e.getClass().getSimpleName());
                    rewind(records);
                    pause(config.retryInterval());
                }
            }
        } catch (WakeupException e) {
            // onStop asked us to
        } finally {
            consumer.close(KAFKA_TIMEOUT);
        }
    }

    /** Shorter while a client awaits an answer, so that it is asked again on time. */
    private Duration pollTimeout() {
        Duration poll = config.pollTimeout();
        return revoked.unconfirmed().isEmpty() || config.retryInterval().compareTo(poll) >= 0 ? poll : config.retryInterval();
    }

    /** Every partition of the topic, each new one read from its beginning; none while the topic does not exist. */
    private void assignPartitions() {
        List<PartitionInfo> partitions = consumer.partitionsFor(config.topic(), KAFKA_TIMEOUT);
        if (partitions == null || partitions.isEmpty()) {
            // No topic yet (notifier-service has published nothing): nothing is revoked; look again soon.
            readToEnd();
            nextPartitionsCheck = Instant.now().plus(config.pollTimeout());
            return;
        }
        nextPartitionsCheck = Instant.now().plus(PARTITIONS_RECHECK);
        Set<TopicPartition> all = new HashSet<>();
        partitions.forEach(p -> all.add(new TopicPartition(p.topic(), p.partition())));
        Set<TopicPartition> added = new HashSet<>(all);
        added.removeAll(consumer.assignment());
        if (added.isEmpty()) {
            return;
        }
        consumer.assign(all);
        consumer.seekToBeginning(added);
        if (!readToEnd) {
            endAtStart.putAll(consumer.endOffsets(added, KAFKA_TIMEOUT));
        }
    }

    private void readToEnd() {
        if (!readToEnd) {
            readToEnd = true;
            endAtStart.clear();
            revoked.readToEnd();
            LOG.debugf("revocations: %s read to its end", config.topic());
        }
    }

    /** What a batch says of api clients: the latest event of each, and for each update notifier-service's answer. */
    private void apply(ConsumerRecords<String, String> records) {
        Map<Client, Change> latest = new LinkedHashMap<>();
        for (ConsumerRecord<String, String> record : records) {
            JsonNode data = dataOf(record);
            String resource = data == null ? "" : data.path("resource").asText("");
            if (ApiCollections.ROLES.equals(resource) || ApiCollections.SECURITY_POLICIES.equals(resource)) {
                // Roles and policies come on the same topic: the tenant's are read again when next needed.
                access.changed(data.path("tenant").asText(""));
                continue;
            }
            if (data == null || !ApiCollections.API_CLIENTS.equals(resource)) {
                continue;
            }
            String tenant = data.path("tenant").asText("");
            UUID id = Types.parseGuid(data.path("id").asText(""));
            if (tenant.isBlank() || id == null) {
                LOG.warnf("revocations: skipped an api_clients event without tenant or id at %s-%d@%d", record.topic(),
                        record.partition(), record.offset());
                continue;
            }
            latest.put(new Client(tenant, id), new Change(data.path("operation").asText(""), timeOf(data)));
        }
        Set<Client> updated = new HashSet<>();
        latest.forEach((client, change) -> {
            if ("updated".equals(change.operation())) {
                updated.add(client);
            }
        });
        Map<Client, State> answers = ask(updated);
        latest.forEach((client, change) -> {
            switch (change.operation()) {
                case "created" -> revoked.restore(client);
                case "deleted" -> revoked.revoke(client);
                case "updated" -> settle(client, answers.getOrDefault(client, State.UNKNOWN), change.at());
                default -> LOG.warnf("revocations: skipped an api_clients event of unknown operation for %s", client.id());
            }
        });
    }

    private void settle(Client client, State state, Instant updatedAt) {
        switch (state) {
            case USABLE -> revoked.restore(client);
            case REVOKED -> revoked.revoke(client);
            case UNKNOWN -> revoked.unconfirmed(client, updatedAt);
        }
    }

    /** Asks again about the clients notifier-service could not tell of, at most every retry interval. */
    private void retryUnconfirmed() {
        Instant now = Instant.now();
        if (now.isBefore(nextRetry)) {
            return;
        }
        nextRetry = now.plus(config.retryInterval());
        Set<Client> unconfirmed = revoked.unconfirmed();
        if (unconfirmed.isEmpty()) {
            return;
        }
        ask(unconfirmed).forEach((client, state) -> {
            if (state == State.USABLE) {
                revoked.restore(client);
            } else if (state == State.REVOKED) {
                revoked.revoke(client);
            }
        });
    }

    /** notifier-service's answer about each client, all asked at once; UNKNOWN where it gave none in time. */
    private Map<Client, State> ask(Set<Client> clients) {
        if (clients.isEmpty()) {
            return Map.of();
        }
        Map<Client, State> answers = new HashMap<>();
        List<Uni<Void>> questions = clients.stream()
                .map(c -> askOne(c).invoke(state -> {
                    synchronized (answers) {
                        answers.put(c, state);
                    }
                }).replaceWithVoid()).toList();
        try {
            Uni.join().all(questions).andCollectFailures().await().atMost(config.askTimeout().multipliedBy(2));
        } catch (RuntimeException e) {
            // Those not answered by now are unknown.
        }
        Map<Client, State> out = new HashMap<>();
        synchronized (answers) {
            clients.forEach(c -> out.put(c, answers.getOrDefault(c, State.UNKNOWN)));
        }
        if (out.containsValue(State.UNKNOWN)) {
            Instant now = Instant.now();
            if (now.isAfter(lastUnknownLog.plus(LOG_EVERY))) {
                lastUnknownLog = now;
                LOG.warnf("revocations: notifier-service cannot say whether %d updated api client(s) are usable; their"
                        + " tokens issued before the update are refused until it can", out.values().stream()
                                .filter(State.UNKNOWN::equals).count());
            }
        }
        return out;
    }

    private Uni<State> askOne(Client client) {
        String base = config.notifierUrl().orElse("");
        if (base.isBlank() || secret.value().isEmpty()) {
            return Uni.createFrom().item(State.UNKNOWN);
        }
        base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        String url = base + "/internal/references/" + ApiCollections.API_CLIENTS + "/" + client.id() + "?tenant="
                + URLEncoder.encode(client.tenant(), StandardCharsets.UTF_8);
        RequestOptions request = new RequestOptions().setMethod(HttpMethod.GET).setAbsoluteURI(url)
                .putHeader(PlatformSecret.HEADER, secret.value().get()).putHeader("Accept", "application/json");
        return http.request(request)
                .chain(r -> r.send())
                .chain(response -> response.body().map(body -> response.statusCode()))
                .ifNoItem().after(config.askTimeout()).fail()
                .map(status -> status == 200 ? State.USABLE : status == 404 ? State.REVOKED : State.UNKNOWN)
                .onFailure().recoverWithItem(State.UNKNOWN);
    }

    /** The event's {@code updated_at}: when the client changed; now when it has none. */
    private static Instant timeOf(JsonNode data) {
        try {
            return OffsetDateTime.parse(data.path("updated_at").asText("")).toInstant();
        } catch (DateTimeParseException e) {
            return Instant.now();
        }
    }

    /** The {@code data} of a CloudEvent, or null for a record that is not one (skipped: retrying cannot help). */
    private static JsonNode dataOf(ConsumerRecord<String, String> record) {
        if (record.value() == null) {
            return null;
        }
        try {
            JsonNode data = JSON.readTree(record.value()).get("data");
            if (data != null && data.isObject()) {
                return data;
            }
        } catch (java.io.IOException e) {
            // reported below
        }
        LOG.warnf("revocations: skipped a record that is not a CloudEvent at %s-%d@%d", record.topic(), record.partition(),
                record.offset());
        return null;
    }

    /** Back to the first record of the batch of each partition, so that the batch is polled again. */
    private void rewind(ConsumerRecords<String, String> records) {
        for (TopicPartition partition : records.partitions()) {
            if (consumer.assignment().contains(partition)) {
                consumer.seek(partition, records.records(partition).get(0).offset());
            }
        }
    }

    private void pause(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private Properties consumerProperties() {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        // Assigned partitions, no group: every instance reads every revocation, from the beginning at each start.
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // The topic is notifier-service's to create (compacted); looking for it must not make it.
        p.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "500");
        return p;
    }
}
