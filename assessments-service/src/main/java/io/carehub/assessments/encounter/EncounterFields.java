package io.carehub.assessments.encounter;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.carehub.commons.paging.Filter;
import io.carehub.commons.validation.Field;
import io.carehub.commons.validation.Fields;
import io.carehub.commons.validation.Schema;
import io.carehub.commons.validation.Types;

/** What an encounter request may hold (API-CORE.md §C8), and how it is applied to an encounter. */
public final class EncounterFields {

    public static final String COLLECTION = "encounters";

    static final Schema SCHEMA = Schema.of(
            Field.of("user_id", Types.GUID_TYPE).required().createOnly(),
            Field.of("type", Types.NON_EMPTY_STRING).required(),
            Field.of("status", Types.enumOf(Encounter.OPEN, Encounter.COMPLETED)),
            Field.of("title", Types.STRING),
            Field.of("notes", Types.STRING),
            Field.of("start_time", Types.ISO_DATETIME),
            Field.of("end_time", Types.ISO_DATETIME),
            Field.of("worker_id", Types.GUID_TYPE),
            Field.of("calendar_event_id", Types.GUID_TYPE));

    /** Where the core face has the collection, below {@code /v1/{tenant}/}. */
    static final String CORE_PATH = "patients/{patientId}/encounters";

    /** The core face's names (API-CORE.md §C4); the patient is the path's. */
    static final Map<String, String> CORE_NAMES = coreNames();

    /** The core face's body: camelCase, the status in capitals ({@code OPEN}, {@code COMPLETED}). */
    static final Schema CORE_SCHEMA = SCHEMA.renamed(CORE_NAMES)
            .with(Field.of("status", Types.enumOf("OPEN", "COMPLETED")));

    static final List<Filter> FILTERS = List.of(
            Filter.of("user_id", Types.GUID_TYPE, "userId"),
            Filter.of("status", Types.enumOf(Encounter.OPEN, Encounter.COMPLETED), "status"));

    /** The columns of the export, in a stable order: new ones are appended, never reordered. */
    static final List<String> COLUMNS = List.of("id", "user_id", "type", "status", "title", "notes", "start_time",
            "end_time", "worker_id", "calendar_event_id", "assessment_ids", "created_at", "updated_at");

    private EncounterFields() {
    }

    private static Map<String, String> coreNames() {
        Map<String, String> names = new LinkedHashMap<>();
        names.put("type", "type");
        names.put("status", "status");
        names.put("title", "title");
        names.put("notes", "notes");
        names.put("start_time", "startTime");
        names.put("end_time", "endTime");
        names.put("worker_id", "workerId");
        names.put("calendar_event_id", "calendarEventId");
        return names;
    }

    /** A core-face body's fields as the v1 face names them: v1 names, the status in lowercase. */
    static Fields fromCore(Fields core) {
        Map<String, String> v1 = new LinkedHashMap<>();
        CORE_NAMES.forEach((v1Name, coreName) -> v1.put(coreName, v1Name));
        Fields fields = core.renamed(v1);
        return fields.string("status") == null ? fields
                : fields.with("status", fields.string("status").toLowerCase(java.util.Locale.ROOT));
    }

    static void apply(Fields fields, Encounter e) {
        if (fields.has("type")) {
            e.type = fields.string("type");
        }
        if (fields.has("status")) {
            e.status = fields.string("status") == null ? Encounter.OPEN : fields.string("status");
        }
        if (fields.has("title")) {
            e.title = fields.string("title");
        }
        if (fields.has("notes")) {
            e.notes = fields.string("notes");
        }
        if (fields.has("start_time")) {
            e.startTime = fields.instant("start_time");
        }
        if (fields.has("end_time")) {
            e.endTime = fields.instant("end_time");
        }
        if (fields.has("worker_id")) {
            e.workerId = fields.guid("worker_id");
        }
        if (fields.has("calendar_event_id")) {
            e.calendarEventId = fields.guid("calendar_event_id");
        }
    }

    static List<String> assessmentIds(Encounter e) {
        List<String> ids = new ArrayList<>();
        e.assessmentIds.forEach(id -> ids.add(id.textValue()));
        return ids;
    }

    static List<Object> row(Encounter e) {
        return Arrays.asList(e.id, e.userId, e.type, e.shownStatus(), e.title, e.notes, e.startTime, e.endTime, e.workerId,
                e.calendarEventId, e.assessmentIds.toString(), e.createdAt, e.updatedAt);
    }
}
