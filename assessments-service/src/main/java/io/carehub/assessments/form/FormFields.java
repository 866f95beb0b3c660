package io.carehub.assessments.form;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import io.carehub.commons.paging.Filter;
import io.carehub.commons.typed.TypedFields;
import io.carehub.commons.validation.Field;
import io.carehub.commons.validation.FieldType;
import io.carehub.commons.validation.Fields;
import io.carehub.commons.validation.Schema;
import io.carehub.commons.validation.Types;

/** What a form request may hold (API-CORE.md §C8), and how it is applied to a form. */
public final class FormFields {

    public static final String COLLECTION = "forms";

    /** A form's name: lowercase letters, digits and underscores, as assessments' {@code form_name} names it. */
    static final FieldType NAME = Types.matching(Pattern.compile("^[a-z0-9_]{1,64}$"), 64,
            "must be 1 to 64 lowercase letters, digits and underscores, e.g. phq_9");

    static final Schema SCHEMA = Schema.of(
            Field.of("name", NAME).required().createOnly(),
            Field.of("title", Types.STRING),
            Field.of("questions", TypedFields.LIST).required());

    static final List<Filter> FILTERS = List.of(Filter.of("name", Types.NON_EMPTY_STRING, "name"));

    /** The columns of the export, in a stable order: new ones are appended, never reordered. */
    static final List<String> COLUMNS = List.of("id", "name", "title", "questions", "version", "created_at", "updated_at");

    private FormFields() {
    }

    static void apply(Fields fields, Form form) {
        if (fields.has("name")) {
            form.name = fields.string("name");
        }
        if (fields.has("title")) {
            form.title = fields.string("title");
        }
    }

    /** The {@code questions} of a valid body as stored ({@link TypedFields#definition}: the C6 rules). */
    static JsonNode checkedQuestions(List<Fields> questions) {
        return TypedFields.definition("questions", questions);
    }

    static List<Object> row(Form f) {
        return Arrays.asList(f.id, f.name, f.title, f.questionsInOrder().toString(), f.version, f.createdAt, f.updatedAt);
    }
}
