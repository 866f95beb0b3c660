package io.carehub.notifier.client;

import java.security.GeneralSecurityException;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.carehub.commons.errors.ApiException;
import io.carehub.commons.outbox.ChangeOperation;
import io.carehub.commons.outbox.Outbox;
import io.carehub.commons.persistence.WriteStamp;
import io.carehub.commons.paging.FindParameters;
import io.carehub.commons.paging.PageOf;
import io.carehub.commons.validation.Fields;
import io.carehub.commons.validation.Violations;
import io.carehub.notifier.config.EnvironmentsConfig;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * API clients: CRUD within the caller's reach ({@link ApiClientAccess}; every write with its change event, in
 * one transaction), the look-ups the token endpoint and subscriptions need, and the bootstrap client's seeding.
 */
@ApplicationScoped
public class ApiClientService {

    static final String CLIENT_ID_UNIQUE = "api_clients_client_id_key";
    static final String BOOTSTRAP_NAME = "bootstrap";

    /** A client together with its secret in clear: only ever handed out once, in a response. */
    public record WithSecret(ApiClient client, String secret) {
    }

    private final ApiClientRepository clients;
    private final SecretCipher cipher;
    private final Outbox outbox;
    private final EnvironmentsConfig environments;
    private final io.carehub.notifier.role.RoleRepository roles;

    public ApiClientService(ApiClientRepository clients, SecretCipher cipher, Outbox outbox,
            EnvironmentsConfig environments, io.carehub.notifier.role.RoleRepository roles) {
        this.clients = clients;
        this.roles = roles;
        this.cipher = cipher;
        this.environments = environments;
        this.outbox = outbox;
    }

    @WithSession
    public Uni<ApiClient> get(ApiClientAccess access, UUID id) {
        return live(access, id);
    }

    @WithSession
    public Uni<PageOf<ApiClient>> find(ApiClientAccess access, FindParameters find) {
        return clients.page(access.confinedTo(), find).map(rows -> PageOf.of(rows, find.page(), c -> c.updatedAt, c -> c.id));
    }

    @WithTransaction
    public Uni<WithSecret> create(ApiClientAccess access, String tenant, Fields fields) {
        return WriteStamp.now().chain(now -> {
            ApiClient client = new ApiClient();
            client.created(tenant, now);
            client.clientId = UUID.randomUUID().toString();
            client.environments = ApiClientFields.DEFAULT_ENVIRONMENTS;
            ApiClientFields.apply(fields, client);
            String secret = cipher.generate();
            client.secretCiphertext = cipher.seal(client.clientId, secret);
            return Uni.createFrom().item(client).invoke(c -> {
                access.mayCreateIn(tenant);
                access.mayGrant(c.scopes);
                checkEnvironments(fields);
            }).call(() -> checkRoles(tenant, fields)).chain(clients::persistAndFlush)
                    .call(() -> outbox.recordTenantWide(client, ApiClientFields.COLLECTION, ChangeOperation.CREATED))
                    .map(c -> new WithSecret(c, secret));
        });
    }

    @WithTransaction
    public Uni<ApiClient> update(ApiClientAccess access, UUID id, Fields fields) {
        return changeable(access, id).call(client -> checkRoles(client.tenant, fields)).call(client -> {
            if (fields.has("scopes")) {
                access.mayGrant(fields.<String>list("scopes"));
            }
            checkEnvironments(fields);
            ApiClientFields.apply(fields, client);
            return clients.flush().call(() -> outbox.recordTenantWide(client, ApiClientFields.COLLECTION, ChangeOperation.UPDATED));
        });
    }

    /** Soft delete: gone from Get and Find (but Find with include_deleted), and no more access tokens. */
    @WithTransaction
    public Uni<ApiClient> delete(ApiClientAccess access, UUID id) {
        return changeable(access, id).call(client -> {
            client.deleted = true;
            return clients.flush().call(() -> outbox.recordTenantWide(client, ApiClientFields.COLLECTION, ChangeOperation.DELETED));
        });
    }

    /** A new secret; the old one stops working at once. */
    @WithTransaction
    public Uni<WithSecret> rotateSecret(ApiClientAccess access, UUID id) {
        String secret = cipher.generate();
        return changeable(access, id).call(client -> {
            client.secretCiphertext = cipher.seal(client.clientId, secret);
            return clients.flush().call(() -> outbox.recordTenantWide(client, ApiClientFields.COLLECTION, ChangeOperation.UPDATED));
        }).map(client -> new WithSecret(client, secret));
    }

    /** The scopes of a live client of {@code tenant}, or an empty list when there is none (it may read nothing). */
    @WithSession
    public Uni<List<String>> scopesOf(String tenant, String clientId) {
        return clients.findLiveByClientId(tenant, clientId).map(c -> c == null ? List.of() : List.copyOf(c.scopes));
    }

    /** The client named by an assertion's {@code iss}, with its secret, if it may be given tokens; else null. */
    @WithSession
    public Uni<WithSecret> usableWithSecret(String clientId) {
        return clients.findByClientId(clientId).map(client -> {
            if (client == null || !client.usable()) {
                return null;
            }
            try {
                return new WithSecret(client, cipher.open(client.clientId, client.secretCiphertext));
            } catch (GeneralSecurityException e) {
                // Sealed under another SECRETS_ENCRYPTION_KEY: the client cannot sign in until its secret is rotated.
                return null;
            }
        });
    }

    /**
     * Seeds the bootstrap client: creates it if no client has its client_id, deleted or not. An existing one is
     * left exactly as it is, so that a rotation, deletion, narrowing or disabling through the API is never undone
     * by a restart (API.md §1).
     *
     * @return the client and whether it was created now
     */
    @WithTransaction
    public Uni<Seeded> seedBootstrap(String clientId, String secret, String tenant, List<String> scopes,
            List<String> environments) {
        return clients.findByClientId(clientId).chain(existing -> {
            if (existing != null) {
                return Uni.createFrom().item(new Seeded(existing, false));
            }
            return WriteStamp.now().chain(now -> {
            ApiClient client = new ApiClient();
            client.created(tenant, now);
            client.clientId = clientId;
            client.name = BOOTSTRAP_NAME;
            client.scopes = List.copyOf(scopes);
            client.environments = List.copyOf(environments);
            client.secretCiphertext = cipher.seal(clientId, secret);
            return clients.persistAndFlush(client)
                    .call(() -> outbox.recordTenantWide(client, ApiClientFields.COLLECTION, ChangeOperation.CREATED))
                    .replaceWith(new Seeded(client, true));
            });
        });
    }

    /** Each role a client is given must be a live role of its tenant: else {@code 400} at {@code .roles[i]}. */
    private Uni<Void> checkRoles(String tenant, Fields fields) {
        if (!fields.has("roles") || fields.get("roles") == null) {
            return Uni.createFrom().voidItem();
        }
        List<String> named = fields.list("roles");
        return roles.liveIn(tenant).invoke(live -> {
            java.util.Set<String> names = live.stream().map(r -> r.name).collect(java.util.stream.Collectors.toSet());
            Violations out = new Violations();
            for (int i = 0; i < named.size(); i++) {
                if (!names.contains(named.get(i))) {
                    out.bad(".roles[" + i + "]", "roles[" + i + "] names " + named.get(i) + ", which is no role of this tenant");
                }
            }
            out.throwIfAny();
        }).replaceWithVoid();
    }

    /** Each environment a client is granted must be one of the platform's ({@code ENVIRONMENTS}). */
    private void checkEnvironments(Fields fields) {
        if (!fields.has("environments") || fields.get("environments") == null) {
            return;
        }
        Violations out = new Violations();
        List<String> named = fields.list("environments");
        for (int i = 0; i < named.size(); i++) {
            if (!environments.names().contains(named.get(i))) {
                out.bad(".environments[" + i + "]", "environments[" + i + "] names " + named.get(i)
                        + ", which is not an environment of this platform (" + String.join(", ", environments.names()) + ")");
            }
        }
        out.throwIfAny();
    }

    /** The bootstrap client after {@link #seedBootstrap}, and whether that made it. */
    public record Seeded(ApiClient client, boolean created) {
    }

    private Uni<ApiClient> live(ApiClientAccess access, UUID id) {
        return clients.findLive(access.confinedTo(), id).onItem().ifNull().failWith(ApiException::notFound);
    }

    /** A live client the caller may change, locked for the change and stamped with its time. */
    private Uni<ApiClient> changeable(ApiClientAccess access, UUID id) {
        return WriteStamp.now().chain(now -> clients.lockLive(access.confinedTo(), id)
                .onItem().ifNull().failWith(ApiException::notFound)
                .invoke(access::mayChange).invoke(client -> client.changed(now)));
    }
}
