package io.carehub.notifier.policy;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.carehub.commons.collection.TenantWideRepository;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class SecurityPolicyRepository implements TenantWideRepository<SecurityPolicy> {

    /** The live policies of {@code tenant}. */
    public Uni<List<SecurityPolicy>> liveIn(String tenant) {
        return list("tenant = ?1 and deleted = false", tenant);
    }
}
