package io.carehub.commons.persistence;

import java.io.IOException;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A JSON list in a {@code jsonb} column, as text on the way in and out. Hibernate Reactive binds
 * {@code SqlTypes.JSON} attributes as Vert.x {@code JsonObject}s, which cannot hold a top-level array; the
 * columns using this cast the text themselves ({@code @ColumnTransformer}): {@code ?::text::jsonb} on the way
 * in (bound straight to jsonb, the reactive client would store the text as one JSON string), {@code ::text} out.
 */
@Converter
public class JsonArrayConverter implements AttributeConverter<JsonNode, String> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public String convertToDatabaseColumn(JsonNode value) {
        return value == null ? "[]" : value.toString();
    }

    @Override
    public JsonNode convertToEntityAttribute(String text) {
        try {
            return JSON.readTree(text == null ? "[]" : text);
        } catch (IOException e) {
            throw new IllegalStateException("a jsonb list column holds something that is not JSON", e);
        }
    }
}
