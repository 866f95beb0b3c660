package io.carehub.assessments.patienttask;

import java.util.Arrays;
import java.util.List;

import io.carehub.commons.paging.Filter;
import io.carehub.commons.validation.Field;
import io.carehub.commons.validation.Fields;
import io.carehub.commons.validation.Schema;
import io.carehub.commons.validation.Types;

/** What a patient task request may hold, and how it is applied to a patient task. */
public final class PatientTaskFields {

    static final String COLLECTION = "patient_tasks";

    /** Patient tasks have Create and Delete, no Update: every field is set once. */
    static final Schema SCHEMA = Schema.of(
            Field.of("user_id", Types.GUID_TYPE).required().createOnly(),
            Field.of("task_type", Types.NON_EMPTY_STRING).required().createOnly(),
            Field.of("dismissed", Types.BOOLEAN).createOnly());

    static final List<Filter> FILTERS = List.of(Filter.of("user_id", Types.GUID_TYPE, "userId"));

    /**
     * The columns of the export, in a stable order: new ones are appended, never reordered. {@code deleted} says
     * whether a row is deleted (an export with {@code include_deleted=true} has such rows).
     */
    static final List<String> COLUMNS = List.of("id", "user_id", "task_type", "dismissed", "created_at", "updated_at",
            "deleted");

    private PatientTaskFields() {
    }

    static void apply(Fields fields, PatientTask task) {
        task.userId = fields.guid("user_id");
        task.taskType = fields.string("task_type");
        task.dismissed = fields.bool("dismissed");
    }

    static List<Object> row(PatientTask t) {
        return Arrays.asList(t.id, t.userId, t.taskType, t.dismissed, t.createdAt, t.updatedAt, t.deleted);
    }
}
