package io.carehub.patients.integrationtask;

import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import io.carehub.commons.paging.Filter;
import io.carehub.commons.validation.Field;
import io.carehub.commons.validation.Fields;
import io.carehub.commons.validation.Schema;
import io.carehub.commons.validation.Types;

/** What an integration task request may hold, and how it is applied to a task. */
final class IntegrationTaskFields {

    static final String COLLECTION = "integration_tasks";

    static final String[] STATUSES = { "unattempted", "running", "failed", "succeeded" };

    /** The status of a task created without one. */
    static final String INITIAL_STATUS = "unattempted";

    /** One entry of {@code errors}. */
    static final Schema ERROR = Schema.of(
            Field.of("code", Types.STRING),
            Field.of("message", Types.STRING),
            Field.of("extra", Types.JSON_OBJECT));

    static final Schema SCHEMA = Schema.of(
            Field.of("status", Types.enumOf(STATUSES)),
            Field.of("user_id", Types.GUID_TYPE).createOnly(),
            Field.of("ref_ids", Types.STRING_LIST),
            Field.of("job_id", Types.STRING),
            Field.of("task_name", Types.STRING),
            Field.of("errors", Types.listOf(Types.object(ERROR))));

    static final List<Filter> FILTERS = List.of(
            Filter.of("user_id", Types.GUID_TYPE, "userId"),
            Filter.of("status", Types.enumOf(STATUSES), "status"),
            Filter.of("job_id", Types.STRING, "jobId"));

    /** The columns of the export, in a stable order: new ones are appended, never reordered. */
    static final List<String> COLUMNS = List.of("id", "status", "user_id", "ref_ids", "job_id", "task_name", "errors",
            "created_at", "updated_at");

    private IntegrationTaskFields() {
    }

    static void apply(Fields fields, IntegrationTask t) {
        if (fields.has("status")) {
            // status is never empty: null puts the task back to its initial status.
            t.status = fields.string("status") == null ? INITIAL_STATUS : fields.string("status");
        }
        // Lists are never null: null clears them to [].
        if (fields.has("ref_ids")) {
            ArrayNode refIds = JsonNodeFactory.instance.arrayNode();
            fields.<String>list("ref_ids").forEach(refIds::add);
            t.refIds = refIds;
        }
        if (fields.has("job_id")) {
            t.jobId = fields.string("job_id");
        }
        if (fields.has("task_name")) {
            t.taskName = fields.string("task_name");
        }
        if (fields.has("errors")) {
            t.errors = errors(fields.list("errors"));
        }
    }

    /** Every error with all three of its fields, absent ones as null. */
    private static JsonNode errors(List<Fields> given) {
        ArrayNode errors = JsonNodeFactory.instance.arrayNode();
        for (Fields error : given) {
            var node = errors.addObject();
            node.put("code", error.string("code"));
            node.put("message", error.string("message"));
            node.set("extra", error.json("extra"));
        }
        return errors;
    }

    static List<Object> row(IntegrationTask t) {
        return Arrays.asList(t.id, t.status, t.userId, t.refIds, t.jobId, t.taskName, t.errors, t.createdAt,
                t.updatedAt);
    }
}
