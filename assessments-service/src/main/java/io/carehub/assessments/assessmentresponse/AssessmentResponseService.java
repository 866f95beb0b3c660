package io.carehub.assessments.assessmentresponse;

import java.io.IOException;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import io.carehub.assessments.encounter.Encounter;
import io.carehub.assessments.encounter.EncounterService;
import io.carehub.assessments.form.FormSchema;
import io.carehub.assessments.form.FormService;
import io.carehub.commons.collection.CollectionService;
import io.carehub.commons.errors.ApiException;
import io.carehub.commons.outbox.ChangeOperation;
import io.carehub.commons.outbox.Outbox;
import io.carehub.commons.paging.FindParameters;
import io.carehub.commons.paging.KeysetQuery;
import io.carehub.commons.paging.ListPage;
import io.carehub.commons.paging.ListParameters;
import io.carehub.commons.paging.ListQuery;
import io.carehub.commons.paging.PageRows;
import io.carehub.commons.persistence.WriteStamp;
import io.carehub.commons.references.References;
import io.carehub.commons.tenancy.Partition;
import io.carehub.commons.typed.TypedFields;
import io.carehub.commons.validation.Fields;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/**
 * Assessments, on both faces (API.md §4; API-CORE.md §C8). An assessment of a form has its answers checked against
 * the form's version (each answer alone; every required question too once {@code completed}) and stored as checked;
 * any other keeps v1's free model, as sent. One made in an encounter is of the encounter's patient, is listed by it,
 * and is locked with it: every write of such an assessment locks the encounter's row first and is {@code 409 locked}
 * once it is completed, so a completion and an edit take turns and never interleave.
 */
@ApplicationScoped
public class AssessmentResponseService implements CollectionService<AssessmentResponse> {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final AssessmentResponseRepository responses;
    private final References references;
    private final FormService forms;
    private final EncounterService encounters;
    private final Outbox outbox;

    public AssessmentResponseService(AssessmentResponseRepository responses, References references, FormService forms,
            EncounterService encounters, Outbox outbox) {
        this.responses = responses;
        this.references = references;
        this.forms = forms;
        this.encounters = encounters;
        this.outbox = outbox;
    }

    @Override
    @WithSession
    public Uni<AssessmentResponse> get(Partition partition, UUID id) {
        return responses.getIn(partition, id);
    }

    @Override
    @WithSession
    public Uni<PageRows<AssessmentResponse>> page(Partition partition, FindParameters find) {
        return responses.page(KeysetQuery.of(partition, find, false));
    }

    /** One page of the patient's assessments, with its total; an unknown patient is {@code 404}. */
    @WithSession
    public Uni<ListPage<AssessmentResponse>> listOf(Partition partition, UUID patientId, ListParameters list) {
        return references.require(partition, "patients", patientId, "patientId")
                .onFailure(e -> e instanceof ApiException a && a.status() == 404).transform(e -> ApiException.notFound())
                .chain(() -> responses.list(ListQuery.of(partition, list, false).where("userId", patientId)));
    }

    /** The assessment; {@code patientId}, when given, must be its patient, else {@code 404}. */
    @WithSession
    public Uni<AssessmentResponse> getOf(Partition partition, UUID patientId, UUID id) {
        return responses.getIn(partition, id).invoke(r -> requireOf(r, patientId));
    }

    /**
     * An assessment of a patient of the partition (v1 names: {@code model}, {@code form_name}, ...), and its change
     * event; in an encounter, the encounter's too. The patient is checked first, outside the transaction: that may ask
     * patients-service.
     */
    @Override
    public Uni<AssessmentResponse> create(Partition partition, Fields fields) {
        if (fields.get("form_version") != null && fields.string("form_name") == null) {
            throw ApiException.badRequest(".form_version", "form_version names a version of the form form_name names");
        }
        UUID userId = fields.guid("user_id");
        return references.require(partition, "patients", userId, "user_id")
                .chain(() -> Panache.withTransaction(() -> WriteStamp.now().chain(now -> schemaOf(partition, fields)
                        .chain(schema -> {
                            AssessmentResponse response = new AssessmentResponse();
                            response.created(partition, now);
                            response.userId = userId;
                            response.specId = fields.string("spec_id");
                            response.specName = fields.string("spec_name");
                            response.specVersion = fields.string("spec_version");
                            response.title = fields.string("title");
                            response.encounterId = fields.guid("encounter_id");
                            response.status = fields.string("status") == null ? AssessmentResponseFields.COMPLETED
                                    : fields.string("status");
                            setAnswers(response, schema, fields.json("model"), fields.sentText("model"));
                            Uni<Encounter> encounter = response.encounterId == null ? Uni.createFrom().nullItem()
                                    : encounters.lockOpen(partition, userId, response.encounterId, ".encounter_id");
                            return encounter.chain(e -> responses.persist(response)
                                    .call(() -> outbox.record(response, AssessmentResponseFields.COLLECTION,
                                            ChangeOperation.CREATED))
                                    .call(() -> e == null ? Uni.createFrom().voidItem() : encounters.attach(e, response.id)));
                        }))));
    }

    /**
     * The core face's PATCH (v1 names {@code status}, {@code model}): a JSON merge patch of the answers, the result
     * checked against the form's version the assessment answers (every required question once {@code completed}).
     */
    public Uni<AssessmentResponse> patch(Partition partition, UUID patientId, UUID id, Fields fields) {
        // The encounter's row first (its id and patient read without loading the assessment), then the assessment's,
        // stamped after both: an edit and the encounter's completion take turns, stamped in that order.
        return Panache.withTransaction(() -> responses.encounterOf(partition, id)
                .chain(of -> {
                    if (of == null || patientId != null && !of.userId().equals(patientId)) {
                        return Uni.createFrom().failure(ApiException.notFound());
                    }
                    return of.encounterId() == null ? Uni.createFrom().voidItem()
                            : encounters.lockOpen(partition, of.userId(), of.encounterId(), ".encounter_id")
                                    .onFailure(e -> e instanceof ApiException a && a.status() == 404)
                                    .transform(e -> ApiException.notFound()).replaceWithVoid();
                })
                .chain(() -> responses.lockForUpdate(partition, id))
                .call(r -> {
                    if (fields.has("status") && fields.string("status") != null) {
                        r.status = fields.string("status");
                    }
                    JsonNode patch = fields.json("model") == null ? JsonNodeFactory.instance.objectNode() : fields.json("model");
                    JsonNode merged = TypedFields.merged(parse(r.modelAsSent), patch);
                    Uni<FormSchema> schema = r.formName == null ? Uni.createFrom().nullItem()
                            : forms.schemaOf(partition.tenant(), r.formName, r.formVersion, "form_name", "form_version");
                    return schema.chain(s -> {
                        setAnswers(r, s, merged, null);
                        return responses.flush().call(() -> outbox.record(r, AssessmentResponseFields.COLLECTION,
                                ChangeOperation.UPDATED));
                    });
                }));
    }

    private Uni<FormSchema> schemaOf(Partition partition, Fields fields) {
        String formName = fields.string("form_name");
        if (formName == null) {
            return Uni.createFrom().nullItem();
        }
        Integer version = fields.get("form_version") == null ? null : ((Long) fields.get("form_version")).intValue();
        return forms.schemaOf(partition.tenant(), formName, version, "form_name", "form_version");
    }

    /**
     * The answers: checked against {@code schema} (every required question when the assessment is completed; errors at
     * {@code .model.<question>}) and stored as checked, with the form's version; or, answering no form, as sent.
     */
    private static void setAnswers(AssessmentResponse r, FormSchema schema, JsonNode answers, String sentText) {
        if (schema == null) {
            r.modelAsSent = sentText != null ? sentText : answers.toString();
        } else {
            r.modelAsSent = schema.check(answers, ".model", AssessmentResponseFields.COMPLETED.equals(r.status)).toString();
            r.formName = schema.name();
            r.formVersion = schema.version();
        }
    }

    private static void requireOf(AssessmentResponse r, UUID patientId) {
        if (patientId != null && !r.userId.equals(patientId)) {
            throw ApiException.notFound();
        }
    }

    private static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new IllegalStateException("a stored assessment's answers are not JSON", e);
        }
    }
}
