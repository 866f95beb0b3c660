package io.carehub.notifier.role;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import io.carehub.commons.paging.Filter;
import io.carehub.commons.validation.Field;
import io.carehub.commons.validation.Schema;
import io.carehub.commons.validation.Types;
import io.carehub.notifier.policy.SecurityPolicyFields;

/** What a role request may hold (API-CORE.md §C9). */
public final class RoleFields {

    public static final String COLLECTION = "roles";

    static final Schema SCHEMA = Schema.of(
            Field.of("name", SecurityPolicyFields.NAME).required().createOnly(),
            Field.of("policies", Types.listOf(SecurityPolicyFields.NAME)).required());

    static final List<Filter> FILTERS = List.of(Filter.of("name", Types.NON_EMPTY_STRING, "name"));

    private RoleFields() {
    }

    static JsonNode policies(List<String> names) {
        ArrayNode list = JsonNodeFactory.instance.arrayNode();
        names.stream().distinct().forEach(list::add);
        return list;
    }
}
