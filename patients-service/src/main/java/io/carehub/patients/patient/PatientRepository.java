package io.carehub.patients.patient;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.carehub.commons.collection.PartitionRepository;
import io.carehub.commons.errors.ApiException;
import io.carehub.commons.tenancy.Partition;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class PatientRepository implements PartitionRepository<Patient> {

    /**
     * Succeeds if {@code userId} names a patient of {@code partition}; else fails with the reference error at
     * {@code user_id} ({@code 404 resource_not_found}).
     */
    public Uni<Void> checkUserId(Partition partition, UUID userId) {
        return existsIn(partition, userId).chain(exists -> exists ? Uni.createFrom().voidItem()
                : Uni.createFrom().failure(ApiException.referenceNotFound("user_id")));
    }
}
