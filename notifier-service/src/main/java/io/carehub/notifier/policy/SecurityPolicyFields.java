package io.carehub.notifier.policy;

import java.util.List;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.carehub.commons.paging.Filter;
import io.carehub.commons.security.ApiCollections;
import io.carehub.commons.validation.Field;
import io.carehub.commons.validation.FieldType;
import io.carehub.commons.validation.Fields;
import io.carehub.commons.validation.Schema;
import io.carehub.commons.validation.Types;

/** What a security policy request may hold (API-CORE.md §C9). */
public final class SecurityPolicyFields {

    public static final String COLLECTION = "security_policies";
    public static final List<String> FIELD_OPERATIONS = List.of("read", "read_masked", "create", "update");
    public static final List<String> FLAG_OPERATIONS = List.of("delete", "update_completed");

    /** A policy's or a role's name: lowercase letters, digits and underscores. */
    public static final FieldType NAME = Types.matching(Pattern.compile("^[a-z0-9_]{1,64}$"), 64,
            "must be 1 to 64 lowercase letters, digits and underscores, e.g. care_coordinator");

    /** What a rule governs: a collection of care data, or a custom data type ({@code cdt:<name>}). */
    static final FieldType RESOURCE = Types.matching(Pattern.compile("^(" + String.join("|", ApiCollections.DATA)
            + "|cdt:[a-z0-9_]{1,64})$"), 80, "must name a collection of care data (e.g. patients) or a custom data type"
            + " (cdt:<name>)");

    /** Field names, or {@code ["*"]}: every field. */
    static final FieldType FIELD_NAMES = Types.listOf(Types.NON_EMPTY_STRING);

    private static final Schema OPERATIONS = Schema.of(
            Field.of("read", FIELD_NAMES),
            Field.of("read_masked", FIELD_NAMES),
            Field.of("create", FIELD_NAMES),
            Field.of("update", FIELD_NAMES),
            Field.of("delete", Types.BOOLEAN),
            Field.of("update_completed", Types.BOOLEAN));

    private static final Schema RULE = Schema.of(
            Field.of("resource", RESOURCE).required(),
            Field.of("operations", Types.object(OPERATIONS)).required());

    static final Schema SCHEMA = Schema.of(
            Field.of("name", NAME).required().createOnly(),
            Field.of("rules", Types.listOf(Types.object(RULE))).required());

    static final List<Filter> FILTERS = List.of(Filter.of("name", Types.NON_EMPTY_STRING, "name"));

    private SecurityPolicyFields() {
    }

    /** The rules of a valid body as stored: every operation of each present, an absent one null (denied) or false. */
    static JsonNode rules(List<Fields> rules) {
        ArrayNode stored = JsonNodeFactory.instance.arrayNode();
        for (Fields rule : rules) {
            Fields operations = (Fields) rule.get("operations");
            ObjectNode r = stored.addObject().put("resource", rule.string("resource"));
            ObjectNode ops = r.putObject("operations");
            for (String op : FIELD_OPERATIONS) {
                if (operations.get(op) == null) {
                    ops.putNull(op);
                } else {
                    ArrayNode names = ops.putArray(op);
                    operations.<String>list(op).stream().distinct().forEach(names::add);
                }
            }
            for (String op : FLAG_OPERATIONS) {
                ops.put(op, operations.bool(op, false));
            }
        }
        return stored;
    }

    /** The rules as shown: each operation in the order of {@link #rules} (jsonb keeps no order). */
    static JsonNode inOrder(JsonNode stored) {
        ArrayNode shown = JsonNodeFactory.instance.arrayNode();
        for (JsonNode rule : stored) {
            ObjectNode r = shown.addObject().put("resource", rule.path("resource").asText());
            ObjectNode ops = r.putObject("operations");
            JsonNode given = rule.path("operations");
            for (String op : FIELD_OPERATIONS) {
                ops.set(op, given.path(op).isArray() ? given.get(op) : JsonNodeFactory.instance.nullNode());
            }
            for (String op : FLAG_OPERATIONS) {
                ops.put(op, given.path(op).asBoolean(false));
            }
        }
        return shown;
    }
}
