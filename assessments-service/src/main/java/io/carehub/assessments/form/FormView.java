package io.carehub.assessments.form;

import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;

/** A form on the wire (API-CORE.md §C8). */
public record FormView(String id, String name, String title, JsonNode questions, int version, Instant createdAt,
        Instant updatedAt) {

    public static FormView of(Form f) {
        return new FormView(f.id.toString(), f.name, f.title, f.questionsInOrder(), f.version, f.createdAt, f.updatedAt);
    }
}
