package io.carehub.patients.customdatatype;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import io.carehub.commons.paging.Filter;
import io.carehub.commons.typed.TypedFields;
import io.carehub.commons.validation.Field;
import io.carehub.commons.validation.FieldType;
import io.carehub.commons.validation.Fields;
import io.carehub.commons.validation.Schema;
import io.carehub.commons.validation.Types;

/** What a custom data type definition request may hold (API-CORE.md §C6), and how it is applied to a definition. */
public final class CustomDataTypeFields {

    public static final String COLLECTION = "custom_data_types";
    static final String SINGLE = "single";
    static final String MULTIPLE = "multiple";

    /** A type's name: lowercase letters, digits and underscores, as records' {@code type_name} and core paths name it. */
    static final FieldType NAME = Types.matching(Pattern.compile("^[a-z0-9_]{1,64}$"), 64,
            "must be 1 to 64 lowercase letters, digits and underscores, e.g. blood_pressure");

    static final Schema SCHEMA = Schema.of(
            Field.of("name", NAME).required().createOnly(),
            Field.of("title", Types.STRING),
            Field.of("cardinality", Types.enumOf(SINGLE, MULTIPLE)),
            Field.of("fields", TypedFields.LIST).required());

    static final List<Filter> FILTERS = List.of(Filter.of("name", Types.NON_EMPTY_STRING, "name"));

    /** The core face's names (API-CORE.md §C4): the same words. */
    static final Map<String, String> CORE_NAMES = coreNames();
    static final List<Filter> CORE_FILTERS = FILTERS;
    static final Map<String, String> CORE_SORTABLE = Map.of("name", "name");

    /** The columns of the export, in a stable order: new ones are appended, never reordered. */
    static final List<String> COLUMNS = List.of("id", "name", "title", "cardinality", "fields", "version", "created_at",
            "updated_at");

    private CustomDataTypeFields() {
    }

    private static Map<String, String> coreNames() {
        Map<String, String> names = new LinkedHashMap<>();
        List.of("name", "title", "cardinality", "fields").forEach(n -> names.put(n, n));
        return names;
    }

    static void apply(Fields fields, CustomDataType type) {
        if (fields.has("name")) {
            type.name = fields.string("name");
        }
        if (fields.has("title")) {
            type.title = fields.string("title");
        }
        if (fields.has("cardinality")) {
            type.cardinality = fields.string("cardinality") == null ? MULTIPLE : fields.string("cardinality");
        }
    }

    /** The {@code fields} of a valid body as stored ({@link TypedFields#definition}). */
    static JsonNode checkedFields(List<Fields> fields) {
        return TypedFields.definition("fields", fields);
    }

    static List<Object> row(CustomDataType t) {
        return Arrays.asList(t.id, t.name, t.title, t.cardinality, t.fieldsInOrder().toString(), t.version, t.createdAt, t.updatedAt);
    }
}
