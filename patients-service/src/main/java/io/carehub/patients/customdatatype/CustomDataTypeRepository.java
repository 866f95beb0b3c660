package io.carehub.patients.customdatatype;

import jakarta.enterprise.context.ApplicationScoped;

import io.carehub.commons.collection.TenantWideRepository;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class CustomDataTypeRepository implements TenantWideRepository<CustomDataType> {

    /** The definition {@code name} of {@code tenant}, or null. */
    public Uni<CustomDataType> findByName(String tenant, String name) {
        return find("tenant = ?1 and name = ?2", tenant, name).firstResult();
    }
}
