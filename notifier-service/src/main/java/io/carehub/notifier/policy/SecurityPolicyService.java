package io.carehub.notifier.policy;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

import io.carehub.commons.collection.CollectionService;
import io.carehub.commons.errors.ApiException;
import io.carehub.commons.errors.DatabaseErrors;
import io.carehub.commons.outbox.ChangeOperation;
import io.carehub.commons.outbox.Outbox;
import io.carehub.commons.paging.FindParameters;
import io.carehub.commons.paging.KeysetQuery;
import io.carehub.commons.paging.PageRows;
import io.carehub.commons.persistence.WriteStamp;
import io.carehub.commons.tenancy.Partition;
import io.carehub.commons.validation.Fields;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/**
 * Security policies (API-CORE.md §C9): the tenant's, admin writes, each with its change event (tenant-wide: no
 * environment), which tells every service to read the tenant's roles and policies again.
 */
@ApplicationScoped
public class SecurityPolicyService implements CollectionService<SecurityPolicy> {

    static final String NAME_UNIQUE = "security_policies_tenant_name_key";

    private final SecurityPolicyRepository policies;
    private final Outbox outbox;

    public SecurityPolicyService(SecurityPolicyRepository policies, Outbox outbox) {
        this.policies = policies;
        this.outbox = outbox;
    }

    @Override
    @WithSession
    public Uni<SecurityPolicy> get(Partition partition, UUID id) {
        return policies.getIn(partition.tenant(), id).invoke(SecurityPolicyService::live);
    }

    @Override
    @WithSession
    public Uni<PageRows<SecurityPolicy>> page(Partition partition, FindParameters find) {
        return policies.page(KeysetQuery.inTenant(partition.tenant(), find, true));
    }

    @Override
    public Uni<SecurityPolicy> create(Partition partition, Fields fields) {
        JsonNode rules = SecurityPolicyFields.rules(fields.list("rules"));
        return Panache.withTransaction(() -> WriteStamp.now().chain(now -> {
            SecurityPolicy policy = new SecurityPolicy();
            policy.created(partition.tenant(), now);
            policy.name = fields.string("name");
            policy.rules = rules;
            return policies.persistAndFlush(policy)
                    .call(() -> outbox.recordTenantWide(policy, SecurityPolicyFields.COLLECTION, ChangeOperation.CREATED));
        })).onFailure(e -> DatabaseErrors.isUniqueViolation(e, NAME_UNIQUE))
                .transform(e -> ApiException.uniqueness(".name", "this tenant has a policy named " + fields.string("name")));
    }

    @Override
    public Uni<SecurityPolicy> update(Partition partition, UUID id, Fields fields) {
        JsonNode rules = fields.has("rules") ? SecurityPolicyFields.rules(fields.list("rules")) : null;
        return Panache.withTransaction(() -> policies.lockForUpdate(partition.tenant(), id)
                .invoke(SecurityPolicyService::live)
                .call(policy -> {
                    if (rules != null) {
                        policy.rules = rules;
                    }
                    return policies.flush().call(() -> outbox.recordTenantWide(policy, SecurityPolicyFields.COLLECTION,
                            ChangeOperation.UPDATED));
                }));
    }

    /** Soft delete: gone from Get and Find (but Find with include_deleted); the roles naming it lose what it granted. */
    @Override
    public Uni<SecurityPolicy> delete(Partition partition, UUID id) {
        return Panache.withTransaction(() -> policies.lockForUpdate(partition.tenant(), id)
                .invoke(SecurityPolicyService::live)
                .call(policy -> {
                    policy.deleted = true;
                    return policies.flush().call(() -> outbox.recordTenantWide(policy, SecurityPolicyFields.COLLECTION,
                            ChangeOperation.DELETED));
                }));
    }

    private static void live(SecurityPolicy policy) {
        if (policy.deleted) {
            throw ApiException.notFound();
        }
    }
}
