package io.carehub.commons.collection;

import java.util.UUID;

import jakarta.persistence.LockModeType;

import io.carehub.commons.errors.ApiException;
import io.carehub.commons.persistence.PartitionedResource;
import io.carehub.commons.persistence.WriteStamp;
import io.carehub.commons.tenancy.Partition;
import io.smallrye.mutiny.Uni;

/**
 * The repository of a collection of a tenant's data, confined to one {@link Partition} (tenant and environment):
 * what every collection reads the same way.
 */
public interface PartitionRepository<E extends PartitionedResource> extends ResourceRepository<E> {

    /**
     * The resource {@code id} of {@code partition}, or null: another tenant's or another environment's is
     * indistinguishable from none. A load by primary key (the session's own loader, no query to translate), then the
     * partition compared: the Get of every collection, the hottest read there is.
     */
    default Uni<E> findIn(Partition partition, UUID id) {
        return findById(id).map(found -> found != null && found.isIn(partition) ? found : null);
    }

    /** The resource {@code id} of {@code partition}, or a failed {@code 404 not_found}. */
    default Uni<E> getIn(Partition partition, UUID id) {
        return findIn(partition, id).onItem().ifNull().failWith(ApiException::notFound);
    }

    /**
     * The resource {@code id} of {@code partition} locked for this transaction's update ({@code SELECT ... FOR
     * UPDATE}), or a failed {@code 404 not_found}: concurrent updates of one resource take turns, so none loses
     * another's fields and {@code updated_at} only moves forward.
     */
    default Uni<E> lockIn(Partition partition, UUID id) {
        return find("tenant = ?1 and environment = ?2 and id = ?3", partition.tenant(), partition.environment(), id)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult()
                .onItem().ifNull().failWith(ApiException::notFound);
    }

    /**
     * In the caller's transaction: the resource {@code id} of {@code partition}, locked ({@link #lockIn}) and with
     * {@code updated_at} moved forward to this write's {@link WriteStamp}; or a failed {@code 404 not_found}. What
     * every Update starts with.
     */
    default Uni<E> lockForUpdate(Partition partition, UUID id) {
        return WriteStamp.now().chain(now -> lockIn(partition, id).invoke(resource -> resource.changed(now)));
    }

    /** Whether {@code id} names a resource of {@code partition}. */
    default Uni<Boolean> existsIn(Partition partition, UUID id) {
        return count("tenant = ?1 and environment = ?2 and id = ?3", partition.tenant(), partition.environment(), id)
                .map(n -> n > 0);
    }
}
