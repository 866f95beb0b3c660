package io.carehub.commons.paging;

import java.util.List;

import io.carehub.commons.validation.FieldType;

/**
 * A Find filter: its parameter name (and aliases), its type, and the entity attribute it matches by
 * equality, e.g. {@code Filter.of("user_id", Types.GUID_TYPE, "userId")}.
 */
public record Filter(String name, FieldType type, String attribute, List<String> aliases) {

    public static Filter of(String name, FieldType type, String attribute) {
        return new Filter(name, type, attribute, List.of());
    }

    public Filter alias(String alias) {
        var all = new java.util.ArrayList<>(aliases);
        all.add(alias);
        return new Filter(name, type, attribute, List.copyOf(all));
    }
}
