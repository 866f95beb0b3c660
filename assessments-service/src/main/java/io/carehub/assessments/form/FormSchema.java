package io.carehub.assessments.form;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.carehub.commons.typed.TypedFields;

/** The questions of one version of a form (API-CORE.md §C8): what an assessment answering it is checked against. */
public record FormSchema(String name, int version, TypedFields questions) {

    /**
     * {@code answers} checked ({@link TypedFields#check}): every required question answered when {@code complete}, else
     * each answer given checked alone; errors at {@code path} + the question's ({@code .answers.mood}).
     */
    public ObjectNode check(JsonNode answers, String path, boolean complete) {
        return questions.check(answers, path, complete, name + " version " + version);
    }
}
