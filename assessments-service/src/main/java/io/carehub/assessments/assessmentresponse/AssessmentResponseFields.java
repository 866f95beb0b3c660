package io.carehub.assessments.assessmentresponse;

import java.util.Arrays;
import java.util.List;

import io.carehub.commons.paging.Filter;
import io.carehub.commons.validation.Field;
import io.carehub.commons.validation.Fields;
import io.carehub.commons.validation.Schema;
import io.carehub.commons.validation.Types;

/** What an assessment response request may hold, and how it is applied to an assessment response. */
public final class AssessmentResponseFields {

    static final String COLLECTION = "assessment_responses";

    /** Assessment responses have Create only: every field is set once. */
    static final Schema SCHEMA = Schema.of(
            Field.of("user_id", Types.GUID_TYPE).required().createOnly(),
            Field.of("spec_id", Types.STRING).createOnly(),
            Field.of("spec_name", Types.STRING).createOnly(),
            Field.of("spec_version", Types.STRING).createOnly(),
            Field.of("title", Types.STRING).createOnly(),
            // Any JSON object, up to the 1 MiB body: the answers of an assessment of any shape.
            Field.of("model", Types.JSON_OBJECT).required().createOnly());

    static final List<Filter> FILTERS = List.of(
            Filter.of("user_id", Types.GUID_TYPE, "userId"),
            Filter.of("spec_id", Types.STRING, "specId"));

    /** The columns of the export, in a stable order: new ones are appended, never reordered. */
    static final List<String> COLUMNS = List.of("id", "user_id", "spec_id", "spec_name", "spec_version", "title", "model",
            "created_at", "updated_at");

    private AssessmentResponseFields() {
    }

    static void apply(Fields fields, AssessmentResponse r) {
        r.userId = fields.guid("user_id");
        r.specId = fields.string("spec_id");
        r.specName = fields.string("spec_name");
        r.specVersion = fields.string("spec_version");
        r.title = fields.string("title");
        r.modelAsSent = fields.sentText("model");
    }

    /** {@code model} as the client wrote it, as JSON text. */
    static List<Object> row(AssessmentResponse r) {
        return Arrays.asList(r.id, r.userId, r.specId, r.specName, r.specVersion, r.title, r.modelAsSent, r.createdAt,
                r.updatedAt);
    }
}
