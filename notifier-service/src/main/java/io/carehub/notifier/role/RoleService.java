package io.carehub.notifier.role;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

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
import io.carehub.commons.validation.Violations;
import io.carehub.notifier.policy.SecurityPolicyRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/**
 * Roles (API-CORE.md §C9): the tenant's, admin writes, each with its change event (tenant-wide: no environment). A
 * role names live policies of its tenant when written; a policy deleted later simply grants nothing through it.
 */
@ApplicationScoped
public class RoleService implements CollectionService<Role> {

    static final String NAME_UNIQUE = "roles_tenant_name_key";

    private final RoleRepository roles;
    private final SecurityPolicyRepository policies;
    private final Outbox outbox;

    public RoleService(RoleRepository roles, SecurityPolicyRepository policies, Outbox outbox) {
        this.roles = roles;
        this.policies = policies;
        this.outbox = outbox;
    }

    @Override
    @WithSession
    public Uni<Role> get(Partition partition, UUID id) {
        return roles.getIn(partition.tenant(), id).invoke(RoleService::live);
    }

    @Override
    @WithSession
    public Uni<PageRows<Role>> page(Partition partition, FindParameters find) {
        return roles.page(KeysetQuery.inTenant(partition.tenant(), find, true));
    }

    @Override
    public Uni<Role> create(Partition partition, Fields fields) {
        return Panache.withTransaction(() -> checkPolicies(partition.tenant(), fields).chain(WriteStamp::now).chain(now -> {
            Role role = new Role();
            role.created(partition.tenant(), now);
            role.name = fields.string("name");
            role.policies = RoleFields.policies(fields.list("policies"));
            return roles.persistAndFlush(role)
                    .call(() -> outbox.recordTenantWide(role, RoleFields.COLLECTION, ChangeOperation.CREATED));
        })).onFailure(e -> DatabaseErrors.isUniqueViolation(e, NAME_UNIQUE))
                .transform(e -> ApiException.uniqueness(".name", "this tenant has a role named " + fields.string("name")));
    }

    @Override
    public Uni<Role> update(Partition partition, UUID id, Fields fields) {
        return Panache.withTransaction(() -> checkPolicies(partition.tenant(), fields)
                .chain(() -> roles.lockForUpdate(partition.tenant(), id))
                .invoke(RoleService::live)
                .call(role -> {
                    if (fields.has("policies")) {
                        role.policies = RoleFields.policies(fields.list("policies"));
                    }
                    return roles.flush().call(() -> outbox.recordTenantWide(role, RoleFields.COLLECTION,
                            ChangeOperation.UPDATED));
                }));
    }

    /** Soft delete: gone from Get and Find (but Find with include_deleted); a token naming it is granted nothing by it. */
    @Override
    public Uni<Role> delete(Partition partition, UUID id) {
        return Panache.withTransaction(() -> roles.lockForUpdate(partition.tenant(), id)
                .invoke(RoleService::live)
                .call(role -> {
                    role.deleted = true;
                    return roles.flush().call(() -> outbox.recordTenantWide(role, RoleFields.COLLECTION,
                            ChangeOperation.DELETED));
                }));
    }

    /** Each policy a role names must be a live one of the tenant: else {@code 400} at {@code .policies[i]}. */
    private Uni<Void> checkPolicies(String tenant, Fields fields) {
        if (!fields.has("policies")) {
            return Uni.createFrom().voidItem();
        }
        List<String> named = fields.list("policies");
        return policies.liveIn(tenant).invoke(live -> {
            Set<String> names = live.stream().map(p -> p.name).collect(Collectors.toSet());
            Violations out = new Violations();
            for (int i = 0; i < named.size(); i++) {
                if (!names.contains(named.get(i))) {
                    out.bad(".policies[" + i + "]", "policies[" + i + "] names " + named.get(i)
                            + ", which is no security policy of this tenant");
                }
            }
            out.throwIfAny();
        }).replaceWithVoid();
    }

    private static void live(Role role) {
        if (role.deleted) {
            throw ApiException.notFound();
        }
    }
}
