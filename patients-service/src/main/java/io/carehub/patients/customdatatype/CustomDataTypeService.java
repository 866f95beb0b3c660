package io.carehub.patients.customdatatype;

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
import io.carehub.commons.paging.ListPage;
import io.carehub.commons.paging.ListParameters;
import io.carehub.commons.paging.ListQuery;
import io.carehub.commons.paging.PageRows;
import io.carehub.commons.persistence.WriteStamp;
import io.carehub.commons.tenancy.Partition;
import io.carehub.commons.validation.Fields;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/**
 * Custom data type definitions (API-CORE.md §C6): the tenant's, whatever the caller's environment. A change of a
 * definition's {@code fields} makes a new version (its fields kept in {@code custom_data_type_versions}); a change of
 * its title or cardinality alone does not. Every write with its change event (tenant-wide: no environment).
 */
@ApplicationScoped
public class CustomDataTypeService implements CollectionService<CustomDataType> {

    static final String NAME_UNIQUE = "custom_data_types_tenant_name_key";

    private final CustomDataTypeRepository types;
    private final CustomDataTypeVersionRepository versions;
    private final Outbox outbox;

    public CustomDataTypeService(CustomDataTypeRepository types, CustomDataTypeVersionRepository versions, Outbox outbox) {
        this.types = types;
        this.versions = versions;
        this.outbox = outbox;
    }

    @Override
    @WithSession
    public Uni<CustomDataType> get(Partition partition, UUID id) {
        return types.getIn(partition.tenant(), id);
    }

    @Override
    @WithSession
    public Uni<PageRows<CustomDataType>> page(Partition partition, FindParameters find) {
        return types.page(KeysetQuery.inTenant(partition.tenant(), find, false));
    }

    @Override
    @WithSession
    public Uni<ListPage<CustomDataType>> list(Partition partition, ListParameters list) {
        return types.list(ListQuery.inTenant(partition.tenant(), list, false));
    }

    @Override
    public Uni<CustomDataType> create(Partition partition, Fields fields) {
        JsonNode checked = CustomDataTypeFields.checkedFields(fields.list("fields"));
        return Panache.withTransaction(() -> WriteStamp.now().chain(now -> {
            CustomDataType type = new CustomDataType();
            type.created(partition.tenant(), now);
            type.cardinality = CustomDataTypeFields.MULTIPLE;
            CustomDataTypeFields.apply(fields, type);
            type.fields = checked;
            type.version = 1;
            return types.persistAndFlush(type)
                    .call(() -> versions.persist(CustomDataTypeVersion.of(type)))
                    .call(() -> outbox.recordTenantWide(type, CustomDataTypeFields.COLLECTION, ChangeOperation.CREATED));
        })).onFailure(e -> DatabaseErrors.isUniqueViolation(e, NAME_UNIQUE))
                .transform(e -> ApiException.uniqueness(".name", "this tenant has a custom data type named "
                        + fields.string("name")));
    }

    @Override
    public Uni<CustomDataType> update(Partition partition, UUID id, Fields fields) {
        JsonNode checked = fields.has("fields") ? CustomDataTypeFields.checkedFields(fields.list("fields")) : null;
        return Panache.withTransaction(() -> types.lockForUpdate(partition.tenant(), id).call(type -> {
            CustomDataTypeFields.apply(fields, type);
            boolean newVersion = checked != null && !checked.equals(type.fieldsInOrder());
            if (newVersion) {
                type.fields = checked;
                type.version++;
            }
            return types.flush()
                    .call(() -> newVersion ? versions.persist(CustomDataTypeVersion.of(type)) : Uni.createFrom().voidItem())
                    .call(() -> outbox.recordTenantWide(type, CustomDataTypeFields.COLLECTION, ChangeOperation.UPDATED));
        }));
    }

    /**
     * In the caller's session: the schema records of type {@code typeName} of {@code tenant} must follow (its current
     * version), or null when no definition names it (its records are free JSON).
     */
    public Uni<CustomDataTypeSchema> schemaOf(String tenant, String typeName) {
        return types.findByName(tenant, typeName).map(type -> type == null ? null : CustomDataTypeSchema.of(type));
    }
}
