package io.carehub.assessments.careflow;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.carehub.commons.paging.Filter;
import io.carehub.commons.references.References.Reference;
import io.carehub.commons.validation.Field;
import io.carehub.commons.validation.Fields;
import io.carehub.commons.validation.Schema;
import io.carehub.commons.validation.Types;
import io.carehub.commons.web.Timestamps;

/**
 * What a care flow request may hold, and how it is applied to a care flow. {@code care_flow} is checked to its
 * documented shape (API.md §4), each bad nested field named by its path
 * ({@code .care_flow.goals[0].interventions[1].reminder_date}), and stored normalised: every documented field
 * present (null or empty when not given), datetimes in the API's form.
 */
public final class CareFlowFields {

    static final String COLLECTION = "care_flows";

    /** One thing to do towards a goal: by a worker ({@code worker_id}), when ({@code reminder_date}), and whether done. */
    static final Schema INTERVENTION = Schema.of(
            Field.of("title", Types.NON_EMPTY_STRING).required(),
            Field.of("reminder_date", Types.ISO_DATETIME),
            Field.of("completed_at", Types.ISO_DATETIME),
            Field.of("completed_by_worker_id", Types.GUID_TYPE),
            Field.of("worker_id", Types.GUID_TYPE),
            Field.of("instructions", Types.STRING));

    static final Schema GOAL = Schema.of(
            Field.of("title", Types.NON_EMPTY_STRING).required(),
            Field.of("interventions", Types.listOf(Types.object(INTERVENTION))));

    static final Schema CARE_FLOW = Schema.of(
            Field.of("description", Types.STRING),
            Field.of("diagnosis", Types.STRING),
            Field.of("goals", Types.listOf(Types.object(GOAL))).required());

    /** Create takes both; Update may replace {@code care_flow} (whole), never {@code user_id}. */
    static final Schema SCHEMA = Schema.of(
            Field.of("user_id", Types.GUID_TYPE).required().createOnly(),
            Field.of("care_flow", Types.object(CARE_FLOW)).required());

    static final List<Filter> FILTERS = List.of(Filter.of("user_id", Types.GUID_TYPE, "userId"));

    /** The columns of the export, in a stable order: new ones are appended, never reordered. */
    static final List<String> COLUMNS = List.of("id", "user_id", "care_flow", "created_at", "updated_at");

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private CareFlowFields() {
    }

    static void apply(Fields fields, CareFlow flow) {
        if (fields.has("user_id")) {
            flow.userId = fields.guid("user_id");
        }
        if (fields.has("care_flow")) {
            flow.careFlow = document((Fields) fields.get("care_flow"));
        }
    }

    /** The workers a body's care flow names, each at its path; none when it names no care flow. */
    static List<Reference> workers(Fields fields) {
        List<Reference> workers = new ArrayList<>();
        if (fields.get("care_flow") instanceof Fields careFlow) {
            List<Fields> goals = careFlow.list("goals");
            for (int g = 0; g < goals.size(); g++) {
                List<Fields> interventions = goals.get(g).list("interventions");
                for (int i = 0; i < interventions.size(); i++) {
                    String path = ".care_flow.goals[" + g + "].interventions[" + i + "].";
                    for (String field : List.of("worker_id", "completed_by_worker_id")) {
                        UUID id = interventions.get(i).guid(field);
                        if (id != null) {
                            workers.add(new Reference("workers", id, path + field));
                        }
                    }
                }
            }
        }
        return workers;
    }

    /** The stored document of a checked {@code care_flow}. */
    static ObjectNode document(Fields careFlow) {
        ObjectNode doc = NODES.objectNode();
        doc.put("description", careFlow.string("description"));
        doc.put("diagnosis", careFlow.string("diagnosis"));
        ArrayNode goals = doc.putArray("goals");
        for (Fields goal : careFlow.<Fields>list("goals")) {
            ObjectNode g = goals.addObject();
            g.put("title", goal.string("title"));
            ArrayNode interventions = g.putArray("interventions");
            for (Fields intervention : goal.<Fields>list("interventions")) {
                ObjectNode i = interventions.addObject();
                i.put("title", intervention.string("title"));
                i.put("reminder_date", format(intervention.instant("reminder_date")));
                i.put("completed_at", format(intervention.instant("completed_at")));
                i.put("completed_by_worker_id", string(intervention.guid("completed_by_worker_id")));
                i.put("worker_id", string(intervention.guid("worker_id")));
                i.put("instructions", intervention.string("instructions"));
            }
        }
        return doc;
    }

    /**
     * The stored document with its fields in the documented order (jsonb keeps keys in an order of its own), so
     * that Create, Get, Find and the export all show it alike.
     */
    static ObjectNode ordered(JsonNode stored) {
        ObjectNode doc = NODES.objectNode();
        copy(stored, doc, "description", "diagnosis");
        ArrayNode goals = doc.putArray("goals");
        for (JsonNode goal : stored.path("goals")) {
            ObjectNode g = goals.addObject();
            copy(goal, g, "title");
            ArrayNode interventions = g.putArray("interventions");
            for (JsonNode intervention : goal.path("interventions")) {
                copy(intervention, interventions.addObject(), "title", "reminder_date", "completed_at",
                        "completed_by_worker_id", "worker_id", "instructions");
            }
        }
        return doc;
    }

    static List<Object> row(CareFlow flow) {
        return Arrays.asList(flow.id, flow.userId, ordered(flow.careFlow), flow.createdAt, flow.updatedAt);
    }

    private static void copy(JsonNode from, ObjectNode to, String... names) {
        for (String name : names) {
            JsonNode value = from.get(name);
            to.set(name, value == null ? NODES.nullNode() : value);
        }
    }

    private static String format(Instant instant) {
        return Timestamps.format(instant);
    }

    private static String string(UUID id) {
        return id == null ? null : id.toString();
    }
}
