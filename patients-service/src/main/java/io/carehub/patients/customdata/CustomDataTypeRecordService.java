package io.carehub.patients.customdata;

import java.io.IOException;
import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.carehub.commons.collection.CollectionService;
import io.carehub.commons.errors.ApiException;
import io.carehub.commons.errors.ErrorCode;
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
import io.carehub.commons.typed.TypedFields;
import io.carehub.commons.validation.Fields;
import io.carehub.patients.customdatatype.CustomDataTypeSchema;
import io.carehub.patients.customdatatype.CustomDataTypeService;
import io.carehub.patients.patient.PatientRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/**
 * Custom data type records, on both faces (API.md §4; API-CORE.md §C6). A record of a type a definition names is
 * checked against the definition's current version, stored as checked and stamped with that version; a record of any
 * other type is free JSON, kept as sent. A {@code single} type holds at most one record per patient: its writes take
 * the patient's row lock first, so two concurrent ones take turns and the second sees the first. Every write with its
 * change event, in one transaction; Delete is soft.
 */
@ApplicationScoped
public class CustomDataTypeRecordService implements CollectionService<CustomDataTypeRecord> {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final CustomDataTypeRecordRepository records;
    private final PatientRepository patients;
    private final CustomDataTypeService types;
    private final Outbox outbox;

    public CustomDataTypeRecordService(CustomDataTypeRecordRepository records, PatientRepository patients,
            CustomDataTypeService types, Outbox outbox) {
        this.records = records;
        this.patients = patients;
        this.types = types;
        this.outbox = outbox;
    }

    @Override
    @WithSession
    public Uni<CustomDataTypeRecord> get(Partition partition, UUID id) {
        return records.getIn(partition, id);
    }

    /** Deleted records only with {@code include_deleted=true}. */
    @Override
    @WithSession
    public Uni<PageRows<CustomDataTypeRecord>> page(Partition partition, FindParameters find) {
        return records.page(KeysetQuery.of(partition, find, true));
    }

    /** A new record about a patient of the partition, and its change event. */
    @Override
    public Uni<CustomDataTypeRecord> create(Partition partition, Fields fields) {
        UUID userId = fields.guid("user_id");
        return Panache.withTransaction(() -> patients.checkUserId(partition, userId).chain(WriteStamp::now)
                .chain(now -> insert(partition, userId, fields, "", now)));
    }

    /**
     * In the caller's transaction: a new record about the patient {@code userId} (v1 fields {@code type_name} and
     * {@code body}), and its change event; errors at {@code path} + the field's ({@code .body.dose}).
     */
    public Uni<CustomDataTypeRecord> insert(Partition partition, UUID userId, Fields fields, String path, Instant now) {
        String typeName = fields.string("type_name");
        return types.schemaOf(partition.tenant(), typeName).chain(schema -> {
            CustomDataTypeRecord record = new CustomDataTypeRecord();
            record.created(partition, now);
            record.userId = userId;
            record.typeName = typeName;
            setBody(record, schema, fields.json("body"), fields.sentText("body"), path + ".body");
            return persist(partition, record, schema, path + ".type_name");
        });
    }

    /**
     * v1 Update: {@code type_name} and {@code body} (replaced whole) as sent; a record whose type a definition names is
     * checked again against its current version whenever either changes.
     */
    @Override
    public Uni<CustomDataTypeRecord> update(Partition partition, UUID id, Fields fields) {
        return Panache.withTransaction(() -> records.lockForUpdate(partition, id).call(record -> {
            if (!fields.has("type_name") && !fields.has("body")) {
                return saved(record, ChangeOperation.UPDATED);
            }
            String typeName = fields.has("type_name") ? fields.string("type_name") : record.typeName;
            boolean retyped = !typeName.equals(record.typeName);
            record.typeName = typeName;
            return types.schemaOf(partition.tenant(), typeName).chain(schema -> {
                if (fields.has("body")) {
                    setBody(record, schema, fields.json("body"), fields.sentText("body"), ".body");
                } else {
                    setBody(record, schema, parse(record.body), record.body, ".body");
                }
                return checkSingle(partition, record, schema, retyped, ".type_name")
                        .chain(() -> saved(record, ChangeOperation.UPDATED));
            });
        }));
    }

    /** Soft delete: gone from Get, Update and Find (but Find with include_deleted), with a {@code deleted} event. */
    @Override
    public Uni<CustomDataTypeRecord> delete(Partition partition, UUID id) {
        return Panache.withTransaction(() -> records.lockForDelete(partition, id)
                .call(record -> saved(record, ChangeOperation.DELETED)));
    }

    // The core face: /v1/{tenant}/patients/{patientId}/cdts/{cdtName}[/{recordId}], flat bodies of a defined type.

    /** One page of the patient's records of the defined type {@code cdtName}, with its total. */
    @WithSession
    public Uni<ListPage<CustomDataTypeRecord>> listOf(Partition partition, UUID patientId, String cdtName,
            ListParameters list) {
        return definedFor(partition, patientId, cdtName).chain(schema -> records.list(
                ListQuery.of(partition, list, true).where("userId", patientId).where("typeName", cdtName)));
    }

    /** A new record of the defined type {@code cdtName} about the patient, its fields checked (errors at {@code .field}). */
    public Uni<CustomDataTypeRecord> createFor(Partition partition, UUID patientId, String cdtName, JsonNode fields) {
        return Panache.withTransaction(() -> definedFor(partition, patientId, cdtName).chain(schema -> WriteStamp.now()
                .chain(now -> {
                    CustomDataTypeRecord record = new CustomDataTypeRecord();
                    record.created(partition, now);
                    record.userId = patientId;
                    record.typeName = cdtName;
                    setBody(record, schema, fields, null, "");
                    return persist(partition, record, schema, null);
                })));
    }

    @WithSession
    public Uni<CustomDataTypeRecord> getFor(Partition partition, UUID patientId, String cdtName, UUID id) {
        return records.getIn(partition, id).invoke(record -> requireOf(record, patientId, cdtName));
    }

    /**
     * A JSON merge patch of the record's fields (a member set to null clears it), the result checked whole against the
     * definition's current version, whose version the record then has.
     */
    public Uni<CustomDataTypeRecord> patchFor(Partition partition, UUID patientId, String cdtName, UUID id, JsonNode patch) {
        return Panache.withTransaction(() -> records.lockForUpdate(partition, id)
                .invoke(record -> requireOf(record, patientId, cdtName))
                .call(record -> types.schemaOf(partition.tenant(), cdtName).chain(schema -> {
                    if (schema == null) {
                        return Uni.createFrom().failure(ApiException.notFound());
                    }
                    setBody(record, schema, TypedFields.merged(parse(record.body), patch), null, "");
                    return saved(record, ChangeOperation.UPDATED);
                })));
    }

    public Uni<CustomDataTypeRecord> deleteFor(Partition partition, UUID patientId, String cdtName, UUID id) {
        return Panache.withTransaction(() -> WriteStamp.now().chain(now -> records.lockIn(partition, id)
                .invoke(record -> requireOf(record, patientId, cdtName))
                .invoke(record -> record.deleted(now))
                .call(record -> saved(record, ChangeOperation.DELETED))));
    }

    /** The schema of the defined type {@code cdtName}, after checking the patient; {@code 404} for either unknown. */
    private Uni<CustomDataTypeSchema> definedFor(Partition partition, UUID patientId, String cdtName) {
        return patients.getIn(partition, patientId).chain(() -> types.schemaOf(partition.tenant(), cdtName))
                .onItem().ifNull().failWith(ApiException::notFound);
    }

    /** A record reached by another patient's or another type's path is not there. */
    private static void requireOf(CustomDataTypeRecord record, UUID patientId, String cdtName) {
        if (!record.userId.equals(patientId) || !record.typeName.equals(cdtName)) {
            throw ApiException.notFound();
        }
    }

    /**
     * The record's body: checked against {@code schema} (errors at {@code path} + the field's) and stored as checked,
     * with its version; or, of a type no definition names, {@code sent} as it is (its text as sent where known).
     */
    private static void setBody(CustomDataTypeRecord record, CustomDataTypeSchema schema, JsonNode body, String sentText,
            String path) {
        if (schema == null) {
            record.body = sentText != null ? sentText : body.toString();
            record.typeVersion = null;
        } else {
            record.body = schema.check(body, path).toString();
            record.typeVersion = schema.version();
        }
    }

    private Uni<CustomDataTypeRecord> persist(Partition partition, CustomDataTypeRecord record, CustomDataTypeSchema schema,
            String typeNamePath) {
        return checkSingle(partition, record, schema, true, typeNamePath)
                .chain(() -> records.persistAndFlush(record))
                .call(() -> outbox.record(record, CustomDataTypeRecordFields.COLLECTION, ChangeOperation.CREATED));
    }

    /**
     * A {@code single} type's record must be its patient's only one: the patient's row is locked (concurrent writes of
     * its records take turns), then any other live record of the type refuses this one ({@code uniqueness_exception}).
     */
    private Uni<Void> checkSingle(Partition partition, CustomDataTypeRecord record, CustomDataTypeSchema schema,
            boolean typeIsNew, String path) {
        if (schema == null || !schema.single() || !typeIsNew) {
            return Uni.createFrom().voidItem();
        }
        return patients.lockIn(partition, record.userId)
                .chain(() -> records.hasAnother(partition, record.userId, record.typeName, record.id))
                .chain(another -> {
                    if (!another) {
                        return Uni.createFrom().voidItem();
                    }
                    String detail = record.typeName + " is a single custom data type: this patient has a record of it already";
                    return Uni.createFrom().failure(path == null ? ApiException.of(ErrorCode.UNIQUENESS_EXCEPTION, detail)
                            : ApiException.uniqueness(path, detail));
                });
    }

    private Uni<CustomDataTypeRecord> saved(CustomDataTypeRecord record, ChangeOperation operation) {
        return records.flush().call(() -> outbox.record(record, CustomDataTypeRecordFields.COLLECTION, operation))
                .replaceWith(record);
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new IllegalStateException("a stored custom data type record body is not JSON", e);
        }
    }
}
