package io.carehub.commons.web;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;

/**
 * Writes a value by what it is, not by the type its property declares: a response's {@code data} is a view, or, for a
 * client whose roles hide or mask some of its fields (API-CORE.md §C9), the JSON that view becomes.
 */
public final class RuntimeTypeSerializer extends JsonSerializer<Object> {

    @Override
    public void serialize(Object value, JsonGenerator gen, SerializerProvider provider) throws IOException {
        provider.defaultSerializeValue(value, gen);
    }
}
