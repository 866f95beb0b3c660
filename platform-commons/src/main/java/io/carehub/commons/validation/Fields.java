package io.carehub.commons.validation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The checked, normalised values of a request body, by wire name. {@link #has} tells a field that was
 * sent (possibly as {@code null}, which clears it on Update) from one that was left out.
 */
public final class Fields {

    private final Map<String, Object> values;
    /** The body these fields were read from, as it was sent; null for a nested object's fields. */
    private final String body;

    Fields(Map<String, Object> values) {
        this(values, null);
    }

    private Fields(Map<String, Object> values, String body) {
        this.values = values;
        this.body = body;
    }

    /**
     * The same values under other names ({@code names}: this body's name → the other's), e.g. a core-face body's
     * camelCase fields as the v1 face names them, so that one service method serves both faces. The body's text does
     * not come along: its names are not the other's.
     */
    public Fields renamed(Map<String, String> names) {
        Map<String, Object> renamed = new java.util.LinkedHashMap<>();
        values.forEach((name, value) -> renamed.put(names.getOrDefault(name, name), value));
        return new Fields(renamed);
    }

    /** The same fields with {@code name} set to {@code value} (what a path says, say: the patient of a core-face URL). */
    public Fields with(String name, Object value) {
        Map<String, Object> changed = new java.util.LinkedHashMap<>(values);
        changed.put(name, value);
        return new Fields(changed, body);
    }

    /** The same fields, knowing the text of the body they were read from (for {@link #sentText}). */
    public Fields sentAs(String body) {
        return new Fields(values, body);
    }

    /**
     * The JSON value of the field {@code name} as text, or null when it was not sent or was null: for JSON kept as
     * sent. Of a body's own field, exactly as the client wrote it (its characters, key order, number forms and white
     * space); of a nested object's field (whose text is not at hand), as JSON written from the value read, its keys
     * in the order sent.
     */
    public String sentText(String name) {
        Object value = values.get(name);
        if (value == null) {
            return null;
        }
        return body != null ? JsonBodies.sourceOf(body, name) : value.toString();
    }

    public boolean has(String name) {
        return values.containsKey(name);
    }

    public Object get(String name) {
        return values.get(name);
    }

    public String string(String name) {
        return (String) values.get(name);
    }

    public Boolean bool(String name) {
        return (Boolean) values.get(name);
    }

    public boolean bool(String name, boolean fallback) {
        Boolean b = (Boolean) values.get(name);
        return b == null ? fallback : b;
    }

    public UUID guid(String name) {
        return (UUID) values.get(name);
    }

    public LocalDate date(String name) {
        return (LocalDate) values.get(name);
    }

    public Instant instant(String name) {
        return (Instant) values.get(name);
    }

    public JsonNode json(String name) {
        return (JsonNode) values.get(name);
    }

    @SuppressWarnings("unchecked")
    public <T> List<T> list(String name) {
        Object v = values.get(name);
        return v == null ? Collections.emptyList() : (List<T>) v;
    }

    public Map<String, Object> asMap() {
        return Collections.unmodifiableMap(values);
    }
}
