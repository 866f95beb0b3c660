package io.carehub.notifier.role;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.carehub.commons.collection.TenantWideRepository;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class RoleRepository implements TenantWideRepository<Role> {

    /** The live roles of {@code tenant}. */
    public Uni<List<Role>> liveIn(String tenant) {
        return list("tenant = ?1 and deleted = false", tenant);
    }
}
