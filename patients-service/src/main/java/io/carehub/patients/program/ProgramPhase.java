package io.carehub.patients.program;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** One phase of a program (API-CORE.md §C7): {@code {name, title, kind, next}}. */
public record ProgramPhase(String name, String title, String kind, List<String> next) {

    public static final String START = "start";
    public static final String STEP = "step";
    public static final String FINISH = "finish";

    private static final ObjectMapper JSON = new ObjectMapper();

    public boolean isFinish() {
        return FINISH.equals(kind);
    }

    static List<ProgramPhase> listFromJson(JsonNode phases) {
        List<ProgramPhase> list = new ArrayList<>();
        for (JsonNode p : phases) {
            List<String> next = new ArrayList<>();
            p.path("next").forEach(n -> next.add(n.textValue()));
            list.add(new ProgramPhase(p.get("name").textValue(), p.path("title").textValue(), p.get("kind").textValue(),
                    List.copyOf(next)));
        }
        return list;
    }

    ObjectNode toJson() {
        ObjectNode p = JsonNodeFactory.instance.objectNode().put("name", name).put("title", title).put("kind", kind);
        ArrayNode list = p.putArray("next");
        next.forEach(list::add);
        return p;
    }

    /** {@code phases} as shown and compared: every member of each in the order of {@link #toJson}. */
    static JsonNode canonical(List<ProgramPhase> phases) {
        ArrayNode list = JsonNodeFactory.instance.arrayNode();
        phases.forEach(p -> list.add(p.toJson()));
        try {
            return JSON.readTree(list.toString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
