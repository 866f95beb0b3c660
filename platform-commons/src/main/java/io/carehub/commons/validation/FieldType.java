package io.carehub.commons.validation;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.media.Schema;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A type of API.md §2. {@link #read} checks a non-null JSON value and returns it as the Java value stored
 * (normalised: a phone as {@code 555-555-1234}, a date as LocalDate, ...), or reports what is wrong;
 * {@link #openApi} describes it in the service's OpenAPI document.
 */
public interface FieldType {

    /** The value to store, or null after reporting a violation at {@code path}. */
    Object read(String path, String name, JsonNode value, Violations violations);

    /** This type as an OpenAPI schema (a fresh instance each call). */
    default Schema openApi() {
        return OASFactory.createSchema();
    }
}
