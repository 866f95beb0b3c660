package io.carehub.notifier.client;

import java.security.GeneralSecurityException;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.carehub.commons.errors.ApiException;
import io.carehub.commons.outbox.ChangeOperation;
import io.carehub.commons.outbox.Outbox;
import io.carehub.commons.paging.FindParameters;
import io.carehub.commons.paging.PageOf;
import io.carehub.commons.validation.Fields;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * API clients: the operator's CRUD (every write with its change event, in one transaction), the look-up
 * the token endpoint needs, and the bootstrap client kept in line with configuration.
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

    public ApiClientService(ApiClientRepository clients, SecretCipher cipher, Outbox outbox) {
        this.clients = clients;
        this.cipher = cipher;
        this.outbox = outbox;
    }

    @WithSession
    public Uni<ApiClient> get(UUID id) {
        return live(id);
    }

    @WithSession
    public Uni<PageOf<ApiClient>> find(FindParameters find) {
        return clients.page(find).map(rows -> PageOf.of(rows, find.page(), c -> c.updatedAt, c -> c.id));
    }

    @WithTransaction
    public Uni<WithSecret> create(String tenant, Fields fields) {
        ApiClient client = new ApiClient();
        client.created(tenant);
        client.clientId = UUID.randomUUID().toString();
        ApiClientFields.apply(fields, client);
        String secret = cipher.generate();
        client.secretCiphertext = cipher.seal(client.clientId, secret);
        return clients.persistAndFlush(client)
                .call(() -> outbox.record(client, ApiClientFields.COLLECTION, ChangeOperation.CREATED))
                .map(c -> new WithSecret(c, secret));
    }

    @WithTransaction
    public Uni<ApiClient> update(UUID id, Fields fields) {
        return live(id).call(client -> {
            ApiClientFields.apply(fields, client);
            client.changed();
            return clients.flush().call(() -> outbox.record(client, ApiClientFields.COLLECTION, ChangeOperation.UPDATED));
        });
    }

    /** Soft delete: gone from Get and Find (but Find with include_deleted), and no more access tokens. */
    @WithTransaction
    public Uni<ApiClient> delete(UUID id) {
        return live(id).call(client -> {
            client.deleted = true;
            client.changed();
            return clients.flush().call(() -> outbox.record(client, ApiClientFields.COLLECTION, ChangeOperation.DELETED));
        });
    }

    /** A new secret; the old one stops working at once. */
    @WithTransaction
    public Uni<WithSecret> rotateSecret(UUID id) {
        String secret = cipher.generate();
        return live(id).call(client -> {
            client.secretCiphertext = cipher.seal(client.clientId, secret);
            client.changed();
            return clients.flush().call(() -> outbox.record(client, ApiClientFields.COLLECTION, ChangeOperation.UPDATED));
        }).map(client -> new WithSecret(client, secret));
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
     * Creates the bootstrap client, or brings its secret, scopes and tenant in line with configuration (the
     * source of truth for it); a deleted one is restored. Its name and {@code disabled} stay the operator's.
     * Nothing is written when nothing differs.
     */
    @WithTransaction
    public Uni<ApiClient> syncBootstrap(String clientId, String secret, String tenant, List<String> scopes) {
        return clients.findByClientId(clientId).chain(existing -> {
            if (existing == null) {
                ApiClient client = new ApiClient();
                client.created(tenant);
                client.clientId = clientId;
                client.name = BOOTSTRAP_NAME;
                client.scopes = List.copyOf(scopes);
                client.secretCiphertext = cipher.seal(clientId, secret);
                return clients.persistAndFlush(client).call(() -> outbox.record(client, ApiClientFields.COLLECTION, ChangeOperation.CREATED));
            }
            boolean secretDiffers = !cipher.holds(clientId, existing.secretCiphertext, secret);
            boolean scopesDiffer = !scopes.equals(existing.scopes);
            boolean tenantDiffers = !tenant.equals(existing.tenant);
            if (!secretDiffers && !scopesDiffer && !tenantDiffers && !existing.deleted) {
                return Uni.createFrom().item(existing);
            }
            if (secretDiffers) {
                existing.secretCiphertext = cipher.seal(clientId, secret);
            }
            existing.scopes = List.copyOf(scopes);
            existing.deleted = false;
            existing.changed();
            Uni<?> moved = tenantDiffers ? clients.moveToTenant(existing.id, tenant) : clients.flush();
            return moved.invoke(() -> existing.tenant = tenant)
                    .chain(() -> outbox.record(existing, ApiClientFields.COLLECTION, ChangeOperation.UPDATED))
                    .replaceWith(existing);
        });
    }

    private Uni<ApiClient> live(UUID id) {
        return clients.findLive(id).onItem().ifNull().failWith(ApiException::notFound);
    }
}
