package io.carehub.commons.collection;

import java.util.UUID;

import jakarta.persistence.LockModeType;

import io.carehub.commons.errors.ApiException;
import io.carehub.commons.persistence.DeletableResource;
import io.carehub.commons.persistence.WriteStamp;
import io.smallrye.mutiny.Uni;

/**
 * The repository of a collection with Delete: what {@link TenantRepository} reads, a deleted resource left out
 * (it is {@code 404} to Get, Update and Delete alike), and the soft delete every such collection does.
 */
public interface DeletableRepository<E extends DeletableResource> extends TenantRepository<E> {

    @Override
    default Uni<E> findInTenant(String tenant, UUID id) {
        return TenantRepository.super.findInTenant(tenant, id).map(found -> found != null && !found.deleted ? found : null);
    }

    @Override
    default Uni<E> lockInTenant(String tenant, UUID id) {
        return find("tenant = ?1 and id = ?2 and deleted = false", tenant, id).withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResult().onItem().ifNull().failWith(ApiException::notFound);
    }

    /**
     * In the caller's transaction: the resource {@code id} of {@code tenant}, locked, marked deleted and with
     * {@code updated_at} moved forward to this write's {@link WriteStamp}; or a failed {@code 404 not_found} (also
     * when it was deleted before: a second Delete finds nothing). What every Delete starts with.
     */
    default Uni<E> lockForDelete(String tenant, UUID id) {
        return WriteStamp.now().chain(now -> lockInTenant(tenant, id).invoke(resource -> resource.deleted(now)));
    }
}
