package io.carehub.commons.collection;

import java.util.UUID;

import jakarta.persistence.LockModeType;

import io.carehub.commons.errors.ApiException;
import io.carehub.commons.persistence.DeletableResource;
import io.carehub.commons.persistence.WriteStamp;
import io.carehub.commons.tenancy.Partition;
import io.smallrye.mutiny.Uni;

/**
 * The repository of a collection with Delete: what {@link PartitionRepository} reads, a deleted resource left out
 * (it is {@code 404} to Get, Update and Delete alike), and the soft delete every such collection does.
 */
public interface DeletableRepository<E extends DeletableResource> extends PartitionRepository<E> {

    @Override
    default Uni<E> findIn(Partition partition, UUID id) {
        return PartitionRepository.super.findIn(partition, id).map(found -> found != null && !found.deleted ? found : null);
    }

    @Override
    default Uni<E> lockIn(Partition partition, UUID id) {
        return find("tenant = ?1 and environment = ?2 and id = ?3 and deleted = false", partition.tenant(),
                partition.environment(), id).withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResult().onItem().ifNull().failWith(ApiException::notFound);
    }

    /**
     * In the caller's transaction: the resource {@code id} of {@code partition}, locked, marked deleted and with
     * {@code updated_at} moved forward to this write's {@link WriteStamp}; or a failed {@code 404 not_found} (also
     * when it was deleted before: a second Delete finds nothing). What every Delete starts with.
     */
    default Uni<E> lockForDelete(Partition partition, UUID id) {
        return WriteStamp.now().chain(now -> lockIn(partition, id).invoke(resource -> resource.deleted(now)));
    }
}
