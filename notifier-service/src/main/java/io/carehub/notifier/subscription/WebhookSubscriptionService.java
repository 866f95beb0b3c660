package io.carehub.notifier.subscription;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.carehub.commons.errors.ApiException;
import io.carehub.commons.errors.ErrorCode;
import io.carehub.commons.outbox.ChangeOperation;
import io.carehub.commons.outbox.Outbox;
import io.carehub.commons.persistence.WriteStamp;
import io.carehub.commons.paging.FindParameters;
import io.carehub.commons.paging.PageOf;
import io.carehub.commons.security.Scopes;
import io.carehub.commons.tenancy.Partition;
import io.carehub.commons.validation.Fields;
import io.carehub.commons.validation.Violations;
import io.carehub.notifier.client.ApiClientService;
import io.carehub.notifier.client.SecretCipher;
import io.carehub.notifier.config.SubscriptionLimitsConfig;
import io.carehub.notifier.delivery.WebhookDelivery;
import io.carehub.notifier.delivery.WebhookDeliveryRepository;
import io.carehub.notifier.pending.PendingRanges;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;

/**
 * Webhook subscriptions of one API client (API.md §4): CRUD with a change event per write, in one
 * transaction; the secret sealed by {@link SecretCipher}; URL safety checked off the event loop; only
 * collections the client may read; at most {@link SubscriptionLimitsConfig#maxPerTenant} per tenant; the
 * delivery attempts and redeliver.
 */
@ApplicationScoped
public class WebhookSubscriptionService {

    static final String SECRET_PREFIX = "whsec_";
    private static final int GENERATED_SECRET_BYTES = 32;

    /** A subscription with the secret that was generated for it: shown once, in the answer to Create. */
    public record Created(WebhookSubscription subscription, String generatedSecret) {
    }

    private final WebhookSubscriptionRepository subscriptions;
    private final WebhookDeliveryRepository deliveries;
    private final PendingRanges pending;
    private final SecretCipher cipher;
    private final UrlSafety urlSafety;
    private final Outbox outbox;
    private final Vertx vertx;
    private final ApiClientService clients;
    private final SubscriptionLimitsConfig limits;
    private final SecureRandom random = new SecureRandom();

    public WebhookSubscriptionService(WebhookSubscriptionRepository subscriptions, WebhookDeliveryRepository deliveries,
            PendingRanges pending, SecretCipher cipher, UrlSafety urlSafety, Outbox outbox, Vertx vertx,
            ApiClientService clients, SubscriptionLimitsConfig limits) {
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.pending = pending;
        this.cipher = cipher;
        this.urlSafety = urlSafety;
        this.outbox = outbox;
        this.vertx = vertx;
        this.clients = clients;
        this.limits = limits;
    }

    @WithSession
    public Uni<WebhookSubscription> get(Partition partition, String owner, UUID id) {
        return owned(partition, owner, id);
    }

    @WithSession
    public Uni<PageOf<WebhookSubscription>> find(Partition partition, String owner, FindParameters find) {
        return subscriptions.page(partition, owner, find)
                .map(rows -> PageOf.of(rows, find.page(), s -> s.updatedAt, s -> s.id));
    }

    public Uni<Created> create(Partition partition, String owner, Fields fields, String defaultClientId) {
        return checkReadable(partition, owner, fields).chain(() -> checkUrls(fields))
                .chain(() -> insert(partition, owner, fields, defaultClientId));
    }

    @WithTransaction
    Uni<Created> insert(Partition partition, String owner, Fields fields, String defaultClientId) {
        return subscriptions.lockTenant(partition.tenant()).chain(() -> subscriptions.countLive(partition.tenant())).chain(live -> {
            if (live >= limits.maxPerTenant()) {
                return Uni.createFrom().failure(ApiException.of(ErrorCode.BAD_REQUEST, "this tenant has " + live
                        + " webhook subscriptions, the most it may have (" + limits.maxPerTenant()
                        + "); delete one first"));
            }
            return persist(partition, owner, fields, defaultClientId);
        });
    }

    private Uni<Created> persist(Partition partition, String owner, Fields fields, String defaultClientId) {
        return WriteStamp.now().chain(now -> persist(partition, owner, fields, defaultClientId, now));
    }

    private Uni<Created> persist(Partition partition, String owner, Fields fields, String defaultClientId, Instant now) {
        WebhookSubscription s = new WebhookSubscription();
        s.created(partition, now);
        s.ownerClientId = owner;
        s.active = true;
        s.clientId = defaultClientId;
        WebhookSubscriptionFields.apply(fields, s);
        String generated = fields.string("secret") == null ? generateSecret() : null;
        s.secretCiphertext = cipher.seal(WebhookSubscription.secretContext(s.id),
                generated != null ? generated : fields.string("secret"));
        return subscriptions.persistAndFlush(s)
                .call(() -> outbox.record(s, WebhookSubscriptionFields.COLLECTION, ChangeOperation.CREATED))
                .map(x -> new Created(s, generated));
    }

    public Uni<WebhookSubscription> update(Partition partition, String owner, UUID id, Fields fields) {
        return checkReadable(partition, owner, fields).chain(() -> checkUrls(fields))
                .chain(() -> change(partition, owner, id, fields));
    }

    @WithTransaction
    Uni<WebhookSubscription> change(Partition partition, String owner, UUID id, Fields fields) {
        return changeable(partition, owner, id).call(s -> {
            boolean reenable = fields.has("active") && fields.bool("active") && (!s.active || s.disabledReason != null);
            WebhookSubscriptionFields.apply(fields, s);
            if (fields.has("secret")) {
                s.secretCiphertext = cipher.seal(WebhookSubscription.secretContext(s.id), fields.string("secret"));
            }
            Uni<?> state = Uni.createFrom().voidItem();
            if (reenable) {
                state = subscriptions.flush().chain(() -> subscriptions.reenable(s.id)).invoke(() -> {
                    s.disabledReason = null;
                    s.failureCount = 0;
                });
            }
            return state.chain(subscriptions::flush).call(() -> outbox.record(s, WebhookSubscriptionFields.COLLECTION, ChangeOperation.UPDATED));
        });
    }

    /** Soft delete: gone from Get and Find (but Find with include_deleted); nothing more is sent. */
    @WithTransaction
    public Uni<WebhookSubscription> delete(Partition partition, String owner, UUID id) {
        return changeable(partition, owner, id).call(s -> {
            s.deleted = true;
            return subscriptions.flush().chain(() -> subscriptions.forgetRanges(s.id))
                    .call(() -> outbox.record(s, WebhookSubscriptionFields.COLLECTION, ChangeOperation.DELETED));
        });
    }

    @WithSession
    public Uni<PageOf<WebhookDelivery>> deliveries(Partition partition, String owner, UUID id, FindParameters find) {
        return owned(partition, owner, id).chain(s -> deliveries.page(partition.tenant(), s.id, find))
                .map(rows -> PageOf.of(rows, find.page(), d -> d.updatedAt, d -> d.id));
    }

    /**
     * Re-sends the changes since {@code from}: a pending range from {@code from} to now for every collection the
     * subscription covers. The notifier keeps no copy of the changes themselves (only ranges), so it cannot
     * know which collections changed in that window: it names them all, and the subscriber pulls each
     * {@code href} (an empty window costs it one empty page).
     */
    public Uni<WebhookSubscription> redeliver(Partition partition, String owner, UUID id, Instant from) {
        return get(partition, owner, id).call(s -> pending.addSince(s.id,
                s.resources == null ? Collections.ALL : s.resources, from));
    }

    /** The secret in clear, for signing a delivery. */
    public String secret(WebhookSubscription s) throws GeneralSecurityException {
        return cipher.open(WebhookSubscription.secretContext(s.id), s.secretCiphertext);
    }

    /** The caller's subscription, locked for this transaction's change and stamped with its time. */
    private Uni<WebhookSubscription> changeable(Partition partition, String owner, UUID id) {
        return WriteStamp.now().chain(now -> subscriptions.lockOwned(partition, owner, id)
                .onItem().ifNull().failWith(ApiException::notFound).invoke(s -> s.changed(now)));
    }

    private Uni<WebhookSubscription> owned(Partition partition, String owner, UUID id) {
        return subscriptions.findOwned(partition, owner, id).onItem().ifNull().failWith(ApiException::notFound);
    }

    /**
     * Each collection {@code resources} names must be one the owning client may read ({@link Scopes#canRead}) with
     * the scopes it holds now, not those of the token at hand (it may be narrowed to {@code webhooks}): those are
     * what deliveries are filtered by. A client unknown here may read nothing.
     */
    private Uni<Void> checkReadable(Partition partition, String owner, Fields fields) {
        if (!fields.has("resources") || fields.get("resources") == null) {
            return Uni.createFrom().voidItem();
        }
        List<String> resources = fields.list("resources");
        return clients.scopesOf(partition.tenant(), owner).invoke(scopes -> {
            Violations out = new Violations();
            for (int i = 0; i < resources.size(); i++) {
                if (!Scopes.canRead(scopes, resources.get(i))) {
                    out.bad(".resources[" + i + "]", "resources[" + i + "] names " + resources.get(i)
                            + ", which this client may not read");
                }
            }
            out.throwIfAny();
        }).replaceWithVoid();
    }

    /** Where the URLs resolve: DNS blocks, so on a worker thread; the answer comes back on the caller's context. */
    private Uni<Void> checkUrls(Fields fields) {
        String url = fields.string("url");
        String tokenUrl = fields.string("token_endpoint_url");
        if (url == null && tokenUrl == null) {
            return Uni.createFrom().voidItem();
        }
        return vertx.executeBlocking(Uni.createFrom().item(() -> {
            Violations out = new Violations();
            if (url != null) {
                String problem = urlSafety.problem(url);
                if (problem != null) {
                    out.bad(".url", "url " + problem);
                }
            }
            if (tokenUrl != null) {
                String problem = urlSafety.problem(tokenUrl);
                if (problem != null) {
                    out.bad(".token_endpoint_url", "token_endpoint_url " + problem);
                }
            }
            out.throwIfAny();
            return (Void) null;
        }), false);
    }

    private String generateSecret() {
        byte[] bytes = new byte[GENERATED_SECRET_BYTES];
        random.nextBytes(bytes);
        return SECRET_PREFIX + Base64.getEncoder().encodeToString(bytes);
    }
}
