package io.carehub.assessments.assessmentresponse;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.carehub.commons.paging.Filter;
import io.carehub.commons.typed.TypedField;
import io.carehub.commons.validation.Field;
import io.carehub.commons.validation.Schema;
import io.carehub.commons.validation.Types;

/** What an assessment request may hold, on both faces (API.md §4; API-CORE.md §C8). */
public final class AssessmentResponseFields {

    static final String COLLECTION = "assessment_responses";

    static final String NEW = "new";
    static final String IN_PROGRESS = "in_progress";
    static final String COMPLETED = "completed";

    /**
     * The v1 face has Create only: every field is set once. {@code form_name} (with {@code form_version}, default the
     * current one) has {@code model} checked against that form; {@code status} defaults to completed, as every v1
     * assessment was.
     */
    static final Schema SCHEMA = Schema.of(
            Field.of("user_id", Types.GUID_TYPE).required().createOnly(),
            Field.of("spec_id", Types.STRING).createOnly(),
            Field.of("spec_name", Types.STRING).createOnly(),
            Field.of("spec_version", Types.STRING).createOnly(),
            Field.of("title", Types.STRING).createOnly(),
            // Any JSON object, up to the 1 MiB body: the answers of an assessment of any shape.
            Field.of("model", Types.JSON_OBJECT).required().createOnly(),
            Field.of("form_name", Types.NON_EMPTY_STRING).createOnly(),
            Field.of("form_version", TypedField.INTEGER).createOnly(),
            Field.of("encounter_id", Types.GUID_TYPE).createOnly(),
            Field.of("status", Types.enumOf(NEW, IN_PROGRESS, COMPLETED)).createOnly());

    /** Where the core face has the collection, below {@code /v1/{tenant}/}. */
    static final String CORE_PATH = "patients/{patientId}/assessments";

    /** The core face's names (API-CORE.md §C4): the answers are {@code answers}; the patient is the path's. */
    static final Map<String, String> CORE_NAMES = coreNames();

    /** The core face's body: an assessment of a form; PATCH changes its status and answers. */
    static final Schema CORE_SCHEMA = Schema.of(
            Field.of("formName", Types.NON_EMPTY_STRING).required().createOnly(),
            Field.of("formVersion", TypedField.INTEGER).createOnly(),
            Field.of("encounterId", Types.GUID_TYPE).createOnly(),
            Field.of("status", Types.enumOf(NEW, IN_PROGRESS, COMPLETED)),
            Field.of("answers", Types.JSON_OBJECT));

    static final List<Filter> FILTERS = List.of(
            Filter.of("user_id", Types.GUID_TYPE, "userId"),
            Filter.of("spec_id", Types.STRING, "specId"),
            Filter.of("form_name", Types.NON_EMPTY_STRING, "formName"),
            Filter.of("encounter_id", Types.GUID_TYPE, "encounterId"),
            Filter.of("status", Types.enumOf(NEW, IN_PROGRESS, COMPLETED), "status"));

    static final List<Filter> CORE_FILTERS = List.of(
            Filter.of("formName", Types.NON_EMPTY_STRING, "formName"),
            Filter.of("encounterId", Types.GUID_TYPE, "encounterId"),
            Filter.of("status", Types.enumOf(NEW, IN_PROGRESS, COMPLETED), "status"));

    /**
     * The columns of the export (the "Assessments and Assessment Responses" export), in a stable order: new ones are
     * appended, never reordered.
     */
    static final List<String> COLUMNS = List.of("id", "user_id", "spec_id", "spec_name", "spec_version", "title", "model",
            "created_at", "updated_at", "form_name", "form_version", "encounter_id", "status");

    private AssessmentResponseFields() {
    }

    private static Map<String, String> coreNames() {
        Map<String, String> names = new LinkedHashMap<>();
        names.put("form_name", "formName");
        names.put("form_version", "formVersion");
        names.put("encounter_id", "encounterId");
        names.put("status", "status");
        names.put("model", "answers");
        return names;
    }

    /** {@code model} as stored (as the client wrote it, or as checked against its form), as JSON text. */
    static List<Object> row(AssessmentResponse r) {
        return Arrays.asList(r.id, r.userId, r.specId, r.specName, r.specVersion, r.title, r.modelAsSent, r.createdAt,
                r.updatedAt, r.formName, r.formVersion, r.encounterId, r.status);
    }
}
