package io.carehub.patients.program;

import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;

/** A program on the v1 face (API-CORE.md §C7, snake_case). */
public record ProgramView(String id, String name, String title, String description, JsonNode phases, Instant createdAt,
        Instant updatedAt) {

    public static ProgramView of(Program p) {
        return new ProgramView(p.id.toString(), p.name, p.title, p.description, p.phasesInOrder(), p.createdAt, p.updatedAt);
    }
}
