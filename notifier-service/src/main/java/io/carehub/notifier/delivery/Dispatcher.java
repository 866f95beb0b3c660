package io.carehub.notifier.delivery;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;

import io.carehub.commons.errors.DatabaseErrors;
import io.carehub.commons.web.Timestamps;
import io.carehub.notifier.client.SecretCipher;
import io.carehub.notifier.config.WebhooksConfig;
import io.carehub.notifier.subscription.Collections;
import io.carehub.notifier.subscription.UrlSafety;
import io.carehub.notifier.subscription.WebhookSubscription;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;

/**
 * Delivers the notifications (API.md §7). One loop thread claims due subscriptions (as many as there are free
 * delivery slots, at most {@code tenantConcurrency} of one tenant) and hands each to a bounded pool of
 * delivery threads, which sign and POST the batch and record the outcome through {@link DeliveryStore}. Each
 * request (the token exchange, the delivery) has a hard deadline on its whole time and reads a bounded body
 * ({@link WebhookHttp}), so a slow or endless endpoint holds one slot for at most the timeout and its failure
 * backs off like any other; a subscription is never delivered twice at once (its lease). An outcome the
 * database fails to record (a dropped connection, a lock wait past the record timeout) is tried again after a
 * short pause, twice; if no try records it, the lease is handed back to end within seconds, and the batch,
 * still in flight, is claimed and sent again (at least once) instead of waiting out the whole lease. Blocking
 * work (DNS, HTTP, awaiting the database) happens only on these threads, never on an event loop.
 */
@ApplicationScoped
public class Dispatcher {

    private static final Logger LOG = Logger.getLogger(Dispatcher.class);
    private static final Duration DB_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration METRIC_REFRESH = Duration.ofSeconds(5);
    private static final int MAX_ERROR_LENGTH = 300;
    /** The pauses before the second and the third try of recording an outcome the database failed to record. */
    private static final List<Duration> RECORD_RETRY_PAUSES = List.of(Duration.ofMillis(500), Duration.ofMillis(1500));
    /** How soon a lease ends once no try recorded its outcome (or the batch could not be prepared). */
    static final Duration HANDED_BACK_LEASE = Duration.ofSeconds(2);
    /** The most a Retry-After may push a retry back (retryMax caps it further). */
    static final Duration RETRY_AFTER_CAP = Duration.ofDays(1);

    private final WebhooksConfig config;
    private final WebhooksConfig.Dispatcher settings;
    private final DeliveryStore store;
    private final SecretCipher cipher;
    private final String instance;
    private final ObjectMapper json = new ObjectMapper();
    private final WebhookHttp http;
    private final TokenExchange tokens;
    private final Semaphore slots;
    private final Object signal = new Object();
    private final AtomicLong pendingSubscriptions = new AtomicLong();
    private final MeterRegistry metrics;
    private final Timer deliveryLatency;
    private final Timer changeToPing;
    private volatile boolean running;
    private boolean woken;
    private ExecutorService workers;
    private Thread loop;

    public Dispatcher(WebhooksConfig config, DeliveryStore store, SecretCipher cipher, UrlSafety urlSafety,
            MeterRegistry metrics) {
        this.config = config;
        this.settings = config.dispatcher();
        this.store = store;
        this.cipher = cipher;
        this.instance = settings.instanceId().filter(s -> !s.isBlank()).orElseGet(() -> UUID.randomUUID().toString());
        // A slot makes its token exchange and its delivery one after the other: one connection per slot at a time.
        this.http = new WebhookHttp(urlSafety, settings.requestTimeout(), settings.concurrency() + 1);
        this.tokens = new TokenExchange(http);
        this.slots = new Semaphore(settings.concurrency());
        this.metrics = metrics;
        Gauge.builder("carehub.webhooks.pending.subscriptions", pendingSubscriptions, AtomicLong::get)
                .description("Live subscriptions with changes not yet delivered").register(metrics);
        this.deliveryLatency = Timer.builder("carehub.webhooks.delivery.latency")
                .description("Time from sending a notification to its answer").publishPercentileHistogram().register(metrics);
        this.changeToPing = Timer.builder("carehub.webhooks.change.to.ping")
                .description("Time from the oldest change of a delivered range (its updated_at) to the successful delivery")
                .publishPercentileHistogram().register(metrics);
    }

    void start(@Observes StartupEvent event) {
        if (!settings.enabled()) {
            return;
        }
        running = true;
        AtomicInteger n = new AtomicInteger();
        workers = Executors.newFixedThreadPool(settings.concurrency(), r -> {
            Thread t = new Thread(r, "webhook-delivery-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        loop = new Thread(this::run, "webhook-dispatcher");
        loop.setDaemon(true);
        loop.start();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        wake();
        if (loop != null) {
            loop.join(5000);
            workers.shutdown();
            // Deliveries under way finish (each within its timeout); a lease left behind simply runs out.
            workers.awaitTermination(settings.requestTimeout().toMillis() * 2 + 1000, TimeUnit.MILLISECONDS);
        }
        try {
            http.close();
        } catch (IOException e) {
            LOG.debugf("closing the webhook HTTP client: %s", e.getClass().getSimpleName());
        }
    }

    /** Changes were stored: look for due subscriptions now (the batching window still applies). */
    public void wake() {
        synchronized (signal) {
            woken = true;
            signal.notifyAll();
        }
    }

    private void run() {
        Instant nextMetric = Instant.EPOCH;
        while (running) {
            int claimed = 0;
            int free = slots.availablePermits();
            try {
                if (Instant.now().isAfter(nextMetric)) {
                    pendingSubscriptions.set(store.pendingSubscriptions().await().atMost(DB_TIMEOUT));
                    nextMetric = Instant.now().plus(METRIC_REFRESH);
                }
                if (free > 0) {
                    String leasedBy = instance + "/" + UUID.randomUUID();
                    List<DeliveryStore.Claim> claims = store.claim(leasedBy, free, settings.tenantConcurrency(),
                            settings.lease(), settings.batchWindow()).await().atMost(DB_TIMEOUT);
                    claimed = claims.size();
                    for (DeliveryStore.Claim claim : claims) {
                        slots.acquireUninterruptibly();
                        workers.execute(() -> {
                            try {
                                deliver(claim);
                            } finally {
                                slots.release();
                                wake();
                            }
                        });
                    }
                }
            } catch (RuntimeException e) {
                LOG.warnf("cannot claim due webhook subscriptions: %s", e.getClass().getSimpleName());
            }
            if (claimed == 0 || claimed >= free) {
                idle();
            }
        }
    }

    private void idle() {
        synchronized (signal) {
            if (!woken && running) {
                try {
                    // The next change to a batch only becomes due after the batching window.
                    signal.wait(settings.pollInterval().toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    running = false;
                }
            }
            woken = false;
        }
    }

    /**
     * One attempt for one leased subscription. Never throws: every outcome is recorded, or the lease is handed
     * back (or, the database gone, runs out) and the batch is sent again.
     */
    void deliver(DeliveryStore.Claim claim) {
        try {
            DeliveryStore.Batch batch = store.prepare(claim).await().atMost(DB_TIMEOUT);
            if (batch.ranges().isEmpty()) {
                store.release(claim).await().atMost(DB_TIMEOUT);
                return;
            }
            send(claim, batch);
        } catch (Unrecorded e) {
            outcome("unrecorded");
            handBack(claim, e.getCause(), "was sent, but its outcome was not recorded in "
                    + (RECORD_RETRY_PAUSES.size() + 1) + " tries");
        } catch (RuntimeException e) {
            handBack(claim, e, "could not be prepared");
        }
    }

    /**
     * Ends the lease within {@link #HANDED_BACK_LEASE}, so that the subscription (its batch still in flight) is
     * claimed and delivered again soon; logs one line, with the database failure's SQLSTATE and exception types
     * only (a driver's message can carry a row's values).
     */
    private void handBack(DeliveryStore.Claim claim, Throwable failure, String what) {
        String database = DatabaseErrors.describe(failure);
        String handedBack;
        try {
            store.handBack(claim, HANDED_BACK_LEASE, settings.recordTimeout()).await().atMost(DB_TIMEOUT);
            handedBack = "within " + HANDED_BACK_LEASE.toMillis() + " ms";
        } catch (RuntimeException e) {
            handedBack = "once its lease runs out";
        }
        LOG.warnf("webhook delivery for subscription %s %s (%s); it is delivered again %s", claim.id(), what,
                database != null ? "database " + database : failure.getClass().getSimpleName(), handedBack);
    }

    /**
     * The outcome of an attempt, recorded by {@code write}: tried again after each of {@link #RECORD_RETRY_PAUSES}
     * while the database fails. A retry cannot record twice: each try checks the lease, and recognises its own
     * earlier commit by the attempt's id. Throws {@link Unrecorded} when no try recorded it.
     */
    private <T> T record(Supplier<Uni<T>> write) {
        for (int tried = 0;; tried++) {
            RuntimeException failure;
            try {
                return write.get().await().atMost(DB_TIMEOUT);
            } catch (RuntimeException e) {
                failure = e;
            }
            if (tried == RECORD_RETRY_PAUSES.size()) {
                throw new Unrecorded(failure);
            }
            try {
                Thread.sleep(RECORD_RETRY_PAUSES.get(tried).toMillis()); // the backoff between tries, on a delivery thread
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Unrecorded(failure);
            }
        }
    }

    /** No try recorded an attempt's outcome; the cause is the last try's failure. */
    private static final class Unrecorded extends RuntimeException {
        Unrecorded(RuntimeException cause) {
            super(null, cause, false, false);
        }
    }

    private void send(DeliveryStore.Claim claim, DeliveryStore.Batch batch) {
        String body = body(batch.ranges());
        UUID attemptId = UUID.randomUUID();
        long started = System.nanoTime();
        Integer status = null;
        String error = null;
        Duration retryAfter = null;
        try {
            String secret = cipher.open(WebhookSubscription.secretContext(claim.id()), claim.secretCiphertext());
            Instant now = Instant.now();
            String bearer = claim.tokenEndpointUrl() == null
                    ? Signatures.bearerJwt(secret, claim.clientId(), claim.url(), attemptId.toString(), now)
                    : tokens.accessToken(claim.id(), claim.tokenEndpointUrl(), claim.clientId(), secret);
            long timestamp = now.getEpochSecond();
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("Authorization", "Bearer " + bearer);
            headers.put("webhook-id", batch.webhookId());
            headers.put("webhook-timestamp", Long.toString(timestamp));
            headers.put("webhook-signature", Signatures.webhookSignature(secret, batch.webhookId(), timestamp, body));
            started = System.nanoTime();
            // The answer's body is not needed: not read at all (0 bytes), so its size and pace do not matter.
            WebhookHttp.Answer answer = http.post(claim.url(), headers, body.getBytes(StandardCharsets.UTF_8),
                    "application/json", 0);
            status = answer.status();
            retryAfter = answer.retryAfter() == null ? null : retryAfter(answer.retryAfter());
            if (status == 401 && claim.tokenEndpointUrl() != null) {
                tokens.forget(claim.id());
            }
        } catch (TokenExchange.Failure e) {
            error = e.getMessage();
        } catch (UrlSafety.Refused e) {
            error = "refused: url must not resolve to a loopback, link-local, private or reserved address";
        } catch (WebhookHttp.DeadlineExceeded e) {
            error = "no answer within " + settings.requestTimeout().toMillis() + " ms";
        } catch (IOException e) {
            error = "connection failed: " + e.getClass().getSimpleName();
        } catch (GeneralSecurityException e) {
            error = "the subscription's secret cannot be read (was SECRETS_ENCRYPTION_KEY changed?)";
        } catch (IllegalArgumentException e) {
            error = "the URL cannot be called";
        }
        long elapsedNanos = System.nanoTime() - started;
        int latencyMs = (int) Math.min(Integer.MAX_VALUE, TimeUnit.NANOSECONDS.toMillis(elapsedNanos));
        boolean ok = status != null && status / 100 == 2;
        if (status != null) {
            deliveryLatency.record(elapsedNanos, TimeUnit.NANOSECONDS);
        }
        DeliveryStore.Attempt attempt = new DeliveryStore.Attempt(attemptId, batch.webhookId(), ok, status,
                error == null ? null : truncate(error), latencyMs, body);
        if (ok) {
            if (!record(() -> store.succeeded(claim, batch, attempt, settings.recordTimeout()))) {
                leaseLost(claim);
                return;
            }
            Instant now = Instant.now();
            for (DeliveryStore.Range r : batch.ranges()) {
                changeToPing.record(Duration.between(r.from(), now).abs());
            }
            outcome("succeeded");
            return;
        }
        String reason = "deliveries failed without interruption for " + settings.disableAfter() + "; last attempt: "
                + (status != null ? "HTTP " + status : truncate(error));
        Duration retryIn = backoff(settings.retryBase(), settings.retryMax(), claim.failureCount(), retryAfter);
        DeliveryStore.Recorded recorded = record(() -> store.failed(claim, attempt, retryIn, settings.disableAfter(), reason,
                settings.recordTimeout()));
        if (recorded == DeliveryStore.Recorded.LEASE_LOST) {
            leaseLost(claim);
            return;
        }
        outcome(status != null ? "http_error" : "no_answer");
        if (recorded == DeliveryStore.Recorded.DISABLED) {
            outcome("disabled");
            LOG.infof("webhook subscription %s disabled: %s", claim.id(), reason);
        }
    }

    /** The lease ran out and another delivery holds the subscription now: its outcome is the one recorded. */
    private void leaseLost(DeliveryStore.Claim claim) {
        outcome("lease_lost");
        LOG.infof("webhook delivery for subscription %s outlived its lease; its outcome is not recorded", claim.id());
    }

    private void outcome(String outcome) {
        Counter.builder("carehub.webhooks.deliveries").description("Webhook delivery attempts by outcome")
                .tag("outcome", outcome).register(metrics).increment();
    }

    /** The JSON list of {@code {resource, from, to, href}}, one per collection (API.md §7). */
    String body(List<DeliveryStore.Range> ranges) {
        ArrayNode list = json.createArrayNode();
        for (DeliveryStore.Range r : ranges) {
            list.addObject().put("resource", r.resource()).put("from", Timestamps.format(r.from()))
                    .put("to", Timestamps.format(r.to())).put("href", href(r));
        }
        return list.toString();
    }

    String href(DeliveryStore.Range r) {
        String base = config.publicBaseUrl().endsWith("/")
                ? config.publicBaseUrl().substring(0, config.publicBaseUrl().length() - 1) : config.publicBaseUrl();
        return base + "/v1/" + r.resource() + "?page[from]=" + encode(Timestamps.format(r.from())) + "&page[to]="
                + encode(Timestamps.format(r.to())) + (Collections.hasDeletes(r.resource()) ? "&include_deleted=true" : "");
    }

    /** Exponential (base × 2^failures, at most max), with jitter (50 to 100 %), and at least what Retry-After asks. */
    static Duration backoff(Duration retryBase, Duration retryMax, int failuresBefore, Duration retryAfter) {
        long base = retryBase.toMillis();
        long max = retryMax.toMillis();
        long exp = failuresBefore >= 30 || base << failuresBefore > max ? max : base << failuresBefore;
        long delay = exp / 2 + ThreadLocalRandom.current().nextLong(exp / 2 + 1);
        if (retryAfter != null) {
            long asked = retryAfter.compareTo(RETRY_AFTER_CAP) > 0 ? RETRY_AFTER_CAP.toMillis() : retryAfter.toMillis();
            delay = Math.max(delay, Math.min(asked, max));
        }
        return Duration.ofMillis(delay);
    }

    /**
     * {@code Retry-After}: seconds or an HTTP date, clamped to between now and {@link #RETRY_AFTER_CAP} (a
     * subscriber's far-future answer must not overflow anything); null when unreadable.
     */
    static Duration retryAfter(String value) {
        String v = value.strip();
        if (!v.isEmpty() && v.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
            // Any number of digits: more than the cap's are the cap, however many more.
            String digits = v.replaceFirst("^0+(?=.)", "");
            long cap = RETRY_AFTER_CAP.toSeconds();
            return digits.length() > 12 || Long.parseLong(digits) > cap ? RETRY_AFTER_CAP : Duration.ofSeconds(Long.parseLong(digits));
        }
        try {
            Duration until = Duration.between(Instant.now(),
                    ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
            return until.isNegative() ? Duration.ZERO : until.compareTo(RETRY_AFTER_CAP) > 0 ? RETRY_AFTER_CAP : until;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String truncate(String s) {
        return s == null || s.length() <= MAX_ERROR_LENGTH ? s : s.substring(0, MAX_ERROR_LENGTH);
    }
}
