package io.carehub.patients.externalid;

import java.util.Arrays;
import java.util.List;

import io.carehub.commons.paging.Filter;
import io.carehub.commons.validation.Field;
import io.carehub.commons.validation.Fields;
import io.carehub.commons.validation.Schema;
import io.carehub.commons.validation.Types;

/** What an external id request may hold, and how it is applied to an external id. */
public final class ExternalIdFields {

    static final String COLLECTION = "external_ids";

    /** The {@code resource} of the external ids made with a patient. */
    static final String PATIENTS = "patients";

    static final Schema SCHEMA = Schema.of(
            Field.of("resource", Types.NON_EMPTY_STRING).required(),
            Field.of("namespace", Types.NON_EMPTY_STRING).required(),
            Field.of("external_id", Types.NON_EMPTY_STRING).required(),
            Field.of("welkin_id", Types.GUID_TYPE).required());

    /**
     * An external id made with its patient (patients' Create, {@code external_ids}): {@code welkin_id} is the new
     * patient's id and {@code resource} is {@code patients} (which a client may repeat, but not change).
     */
    public static final Schema NESTED = Schema.of(
            Field.of("namespace", Types.NON_EMPTY_STRING).required(),
            Field.of("external_id", Types.NON_EMPTY_STRING).required(),
            Field.of("resource", Types.enumOf(PATIENTS)));

    static final List<Filter> FILTERS = List.of(
            Filter.of("resource", Types.STRING, "resource"),
            Filter.of("namespace", Types.STRING, "namespace"),
            Filter.of("external_id", Types.STRING, "externalId"),
            Filter.of("welkin_id", Types.GUID_TYPE, "welkinId"));

    /** The columns of the export, in a stable order: new ones are appended, never reordered. */
    static final List<String> COLUMNS = List.of("id", "resource", "namespace", "external_id", "welkin_id",
            "created_at", "updated_at");

    private ExternalIdFields() {
    }

    static void apply(Fields fields, ExternalId e) {
        if (fields.has("resource")) {
            e.resource = fields.string("resource");
        }
        if (fields.has("namespace")) {
            e.namespace = fields.string("namespace");
        }
        if (fields.has("external_id")) {
            e.externalId = fields.string("external_id");
        }
        if (fields.has("welkin_id")) {
            e.welkinId = fields.guid("welkin_id");
        }
    }

    static List<Object> row(ExternalId e) {
        return Arrays.asList(e.id, e.resource, e.namespace, e.externalId, e.welkinId, e.createdAt, e.updatedAt);
    }
}
