package io.carehub.patients.patient;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.carehub.commons.collection.TenantRepository;
import io.carehub.commons.errors.ApiException;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class PatientRepository implements TenantRepository<Patient> {

    /** Whether {@code id} names a patient of {@code tenant}: what every {@code user_id} must do. */
    public Uni<Boolean> existsInTenant(String tenant, UUID id) {
        return count("tenant = ?1 and id = ?2", tenant, id).map(n -> n > 0);
    }

    /**
     * Succeeds if {@code userId} names a patient of {@code tenant}; else fails with the reference error at
     * {@code user_id} ({@code 404 resource_not_found}).
     */
    public Uni<Void> checkUserId(String tenant, UUID userId) {
        return existsInTenant(tenant, userId).chain(exists -> exists ? Uni.createFrom().voidItem()
                : Uni.createFrom().failure(ApiException.referenceNotFound("user_id")));
    }
}
