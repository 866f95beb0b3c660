package io.carehub.patients.program;

import jakarta.enterprise.context.ApplicationScoped;

import io.carehub.commons.collection.TenantWideRepository;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class ProgramRepository implements TenantWideRepository<Program> {

    /** The program {@code name} of {@code tenant}, or null. */
    public Uni<Program> findByName(String tenant, String name) {
        return find("tenant = ?1 and name = ?2", tenant, name).firstResult();
    }
}
