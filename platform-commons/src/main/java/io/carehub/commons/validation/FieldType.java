package io.carehub.commons.validation;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A type of API.md §2. {@link #read} checks a non-null JSON value and returns it as the Java value stored
 * (normalised: a phone as {@code 555-555-1234}, a date as LocalDate, ...), or reports what is wrong.
 */
public interface FieldType {

    /** The value to store, or null after reporting a violation at {@code path}. */
    Object read(String path, String name, JsonNode value, Violations violations);
}
