package io.carehub.commons.collection;

import java.util.UUID;

import jakarta.persistence.LockModeType;

import io.carehub.commons.errors.ApiException;
import io.carehub.commons.persistence.TenantResource;
import io.carehub.commons.persistence.WriteStamp;
import io.smallrye.mutiny.Uni;

/**
 * The repository of a collection of tenant-wide records (API-CORE.md §C1: configuration every environment of the
 * tenant shares, such as custom data types and programs), confined to one tenant: what {@link PartitionRepository}
 * does for a tenant's data, without the environment.
 */
public interface TenantWideRepository<E extends TenantResource> extends ResourceRepository<E> {

    /** The record {@code id} of {@code tenant}, or null: another tenant's is indistinguishable from none. */
    default Uni<E> findIn(String tenant, UUID id) {
        return findById(id).map(found -> found != null && found.tenant.equals(tenant) ? found : null);
    }

    /** The record {@code id} of {@code tenant}, or a failed {@code 404 not_found}. */
    default Uni<E> getIn(String tenant, UUID id) {
        return findIn(tenant, id).onItem().ifNull().failWith(ApiException::notFound);
    }

    /**
     * In the caller's transaction: the record {@code id} of {@code tenant}, locked ({@code SELECT ... FOR UPDATE}) and
     * with {@code updated_at} moved forward to this write's {@link WriteStamp}; or a failed {@code 404 not_found}.
     */
    default Uni<E> lockForUpdate(String tenant, UUID id) {
        return WriteStamp.now().chain(now -> find("tenant = ?1 and id = ?2", tenant, id)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult()
                .onItem().ifNull().failWith(ApiException::notFound)
                .invoke(record -> record.changed(now)));
    }
}
