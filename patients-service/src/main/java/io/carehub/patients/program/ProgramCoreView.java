package io.carehub.patients.program;

import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** A program on the core face (API-CORE.md §C7, camelCase). */
@JsonNaming(PropertyNamingStrategies.LowerCamelCaseStrategy.class)
public record ProgramCoreView(String id, String name, String title, String description, JsonNode phases,
        Instant createdAt, Instant updatedAt) {

    public static ProgramCoreView of(Program p) {
        return new ProgramCoreView(p.id.toString(), p.name, p.title, p.description, p.phasesInOrder(), p.createdAt,
                p.updatedAt);
    }
}
