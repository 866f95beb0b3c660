package io.carehub.notifier.client;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.carehub.commons.references.OwnedCollection;
import io.carehub.commons.tenancy.Partition;
import io.smallrye.mutiny.Uni;

/**
 * API clients, as the other services ask about them on the internal reference endpoint: one exists while it may
 * be given tokens, so a disabled or deleted client is {@code 404}. That is the question every service's revocation
 * feed asks when an api_clients {@code updated} event comes (RevocationFeed), to refuse the client's tokens or not.
 */
@ApplicationScoped
public class ApiClientReferences implements OwnedCollection {

    private final ApiClientRepository clients;

    public ApiClientReferences(ApiClientRepository clients) {
        this.clients = clients;
    }

    @Override
    public String name() {
        return ApiClientFields.COLLECTION;
    }

    /** A tenant-wide record: the partition's tenant alone confines it. */
    @Override
    public Uni<Boolean> exists(Partition partition, UUID id) {
        return clients.count("tenant = ?1 and id = ?2 and deleted = false and disabled = false", partition.tenant(), id)
                .map(n -> n > 0);
    }
}
