package io.carehub.assessments.form;

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
import io.carehub.commons.typed.TypedFields;
import io.carehub.commons.validation.Fields;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/**
 * Forms (API-CORE.md §C8): the tenant's, whatever the caller's environment; admin writes, each with its change event
 * (tenant-wide: no environment). A change of a form's questions makes a new version (every version's questions kept);
 * a change of its title alone does not.
 */
@ApplicationScoped
public class FormService implements CollectionService<Form> {

    static final String NAME_UNIQUE = "forms_tenant_name_key";

    private final FormRepository forms;
    private final FormVersionRepository versions;
    private final Outbox outbox;

    public FormService(FormRepository forms, FormVersionRepository versions, Outbox outbox) {
        this.forms = forms;
        this.versions = versions;
        this.outbox = outbox;
    }

    @Override
    @WithSession
    public Uni<Form> get(Partition partition, UUID id) {
        return forms.getIn(partition.tenant(), id);
    }

    @Override
    @WithSession
    public Uni<PageRows<Form>> page(Partition partition, FindParameters find) {
        return forms.page(KeysetQuery.inTenant(partition.tenant(), find, false));
    }

    @Override
    public Uni<Form> create(Partition partition, Fields fields) {
        JsonNode questions = FormFields.checkedQuestions(fields.list("questions"));
        return Panache.withTransaction(() -> WriteStamp.now().chain(now -> {
            Form form = new Form();
            form.created(partition.tenant(), now);
            FormFields.apply(fields, form);
            form.questions = questions;
            form.version = 1;
            return forms.persistAndFlush(form)
                    .call(() -> versions.persist(FormVersion.of(form)))
                    .call(() -> outbox.recordTenantWide(form, FormFields.COLLECTION, ChangeOperation.CREATED));
        })).onFailure(e -> DatabaseErrors.isUniqueViolation(e, NAME_UNIQUE))
                .transform(e -> ApiException.uniqueness(".name", "this tenant has a form named " + fields.string("name")));
    }

    @Override
    public Uni<Form> update(Partition partition, UUID id, Fields fields) {
        JsonNode questions = fields.has("questions") ? FormFields.checkedQuestions(fields.list("questions")) : null;
        return Panache.withTransaction(() -> forms.lockForUpdate(partition.tenant(), id).call(form -> {
            FormFields.apply(fields, form);
            boolean newVersion = questions != null && !questions.equals(form.questionsInOrder());
            if (newVersion) {
                form.questions = questions;
                form.version++;
            }
            return forms.flush()
                    .call(() -> newVersion ? versions.persist(FormVersion.of(form)) : Uni.createFrom().voidItem())
                    .call(() -> outbox.recordTenantWide(form, FormFields.COLLECTION, ChangeOperation.UPDATED));
        }));
    }

    /**
     * In the caller's session: the questions of version {@code version} (null: the current one) of the form
     * {@code name} of {@code tenant}; a failed {@code 404 resource_not_found} at {@code namePath} or
     * {@code versionPath} when there is no such form or version.
     */
    public Uni<FormSchema> schemaOf(String tenant, String name, Integer version, String namePath, String versionPath) {
        return forms.findByName(tenant, name).chain(form -> {
            if (form == null) {
                return Uni.createFrom().failure(ApiException.referenceNotFound(namePath));
            }
            if (version == null || version == form.version) {
                return Uni.createFrom().item(new FormSchema(form.name, form.version, TypedFields.of(form.questions)));
            }
            return versions.find(form.id, version).map(v -> {
                if (v == null) {
                    throw ApiException.referenceNotFound(versionPath);
                }
                return new FormSchema(form.name, v.version, TypedFields.of(v.questions));
            });
        });
    }
}
