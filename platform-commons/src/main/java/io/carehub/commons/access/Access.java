package io.carehub.commons.access;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.carehub.commons.errors.ApiError;
import io.carehub.commons.errors.ApiException;
import io.carehub.commons.errors.ErrorCode;

/**
 * What a caller's roles allow (API-CORE.md §C9): per collection, the fields it may read, see masked, create and update,
 * and whether it may delete; the union of the rules of every role it names that exists. An absent operation is denied.
 * {@link #UNRESTRICTED}: a client with no roles, governed by its scopes alone. {@code id} is always readable: without it
 * nothing read could be named again.
 */
public final class Access {

    public enum Operation { READ, CREATE, UPDATE, DELETE }

    /** Every field. */
    public static final String ALL_FIELDS = "*";
    /** What a masked field's value reads as. */
    public static final String MASK = "***";

    public static final Access UNRESTRICTED = new Access(null);

    /** The union of what the rules of one collection allow; a null set: the operation is denied. */
    private static final class Allowed {
        Set<String> read;
        Set<String> masked;
        Set<String> create;
        Set<String> update;
        boolean delete;
        boolean updateCompleted;
    }

    private final Map<String, Allowed> byResource;

    private Access(Map<String, Allowed> byResource) {
        this.byResource = byResource;
    }

    /** The access granted by {@code rules} ({@code [{resource, operations: {...}}]}, of every role the caller names). */
    public static Access of(Collection<JsonNode> rules) {
        Map<String, Allowed> byResource = new HashMap<>();
        for (JsonNode rule : rules) {
            Allowed allowed = byResource.computeIfAbsent(rule.path("resource").asText(), r -> new Allowed());
            JsonNode ops = rule.path("operations");
            allowed.read = union(allowed.read, ops.get("read"));
            allowed.masked = union(allowed.masked, ops.get("read_masked"));
            allowed.create = union(allowed.create, ops.get("create"));
            allowed.update = union(allowed.update, ops.get("update"));
            allowed.delete |= ops.path("delete").asBoolean(false);
            allowed.updateCompleted |= ops.path("update_completed").asBoolean(false);
        }
        return new Access(byResource);
    }

    private static Set<String> union(Set<String> held, JsonNode names) {
        if (names == null || !names.isArray()) {
            return held;
        }
        Set<String> out = held == null ? new HashSet<>() : held;
        names.forEach(n -> out.add(n.asText()));
        return out;
    }

    public boolean restricted() {
        return byResource != null;
    }

    /** Succeeds when the roles allow {@code operation} on {@code collection}; else {@code 403 forbidden}. */
    public void require(String collection, Operation operation) {
        if (!allows(collection, operation)) {
            throw ApiException.of(ErrorCode.FORBIDDEN, "the client's roles do not allow " + operation.name().toLowerCase(
                    java.util.Locale.ROOT) + " on " + collection);
        }
    }

    /** Whether the roles allow {@code operation} on {@code collection} (always, for a client with none). */
    public boolean allows(String collection, Operation operation) {
        if (!restricted()) {
            return true;
        }
        Allowed a = byResource.get(collection);
        return a != null && switch (operation) {
            case READ -> a.read != null || a.masked != null;
            case CREATE -> a.create != null;
            case UPDATE -> a.update != null;
            case DELETE -> a.delete;
        };
    }

    /**
     * Succeeds when the roles allow writing each of {@code fields} (the members a Create or Update names) of
     * {@code collection}; else {@code 403 forbidden}, one error at each field's path ({@code .phase}).
     */
    public void requireWritable(String collection, Operation operation, Collection<String> fields) {
        requireWritable(collection, operation, fields, UnaryOperator.identity());
    }

    /**
     * As {@link #requireWritable(String, Operation, Collection)}, for fields named on the core face ({@code birthDate}):
     * a rule may name a field by that name or by its v1 name, {@code v1Name} of it ({@code birth_date}).
     */
    public void requireWritable(String collection, Operation operation, Collection<String> fields,
            UnaryOperator<String> v1Name) {
        if (!restricted()) {
            return;
        }
        require(collection, operation);
        Allowed a = byResource.get(collection);
        Set<String> writable = operation == Operation.CREATE ? a.create : a.update;
        List<ApiError> refused = new ArrayList<>();
        for (String field : fields) {
            if (!writable.contains(ALL_FIELDS) && !writable.contains(field) && !writable.contains(v1Name.apply(field))) {
                refused.add(ApiError.at(ErrorCode.FORBIDDEN, "." + field, "the client's roles do not allow it to "
                        + operation.name().toLowerCase(java.util.Locale.ROOT) + " " + field));
            }
        }
        if (!refused.isEmpty()) {
            throw new ApiException(refused);
        }
    }

    /**
     * Whether the roles let a completed (locked) resource of {@code collection} be changed (API-CORE.md §C8, §C9:
     * {@code update_completed}). A client with no roles has no such exception: locked is locked.
     */
    public boolean mayUpdateCompleted(String collection) {
        if (!restricted()) {
            return false;
        }
        Allowed a = byResource.get(collection);
        return a != null && a.updateCompleted;
    }

    /** Whether the roles let every field of {@code collection} be read as it is (nothing hidden, nothing masked). */
    public boolean readsAll(String collection) {
        if (!restricted()) {
            return true;
        }
        Allowed a = byResource.get(collection);
        return a != null && a.read != null && a.read.contains(ALL_FIELDS);
    }

    /** How the roles let {@code field} of {@code collection} be read. */
    public enum Shown { READABLE, MASKED, HIDDEN }

    public Shown shown(String collection, String field) {
        return shown(collection, field, field);
    }

    /** How the roles let a field be read that a rule may name by either of two names (core face, v1 face). */
    public Shown shown(String collection, String field, String alias) {
        if (!restricted() || "id".equals(field)) {
            return Shown.READABLE;
        }
        Allowed a = byResource.get(collection);
        if (a == null) {
            return Shown.HIDDEN;
        }
        if (names(a.read, field, alias)) {
            return Shown.READABLE;
        }
        if (names(a.masked, field, alias)) {
            return Shown.MASKED;
        }
        return Shown.HIDDEN;
    }

    private static boolean names(Set<String> fields, String field, String alias) {
        return fields != null && (fields.contains(ALL_FIELDS) || fields.contains(field) || fields.contains(alias));
    }

    /** {@code view} (a resource as JSON) as the roles let it be read: hidden fields gone, masked ones {@value #MASK}. */
    public ObjectNode view(String collection, ObjectNode view) {
        return view(collection, view, UnaryOperator.identity());
    }

    /**
     * {@code view} as the roles let it be read, its members named on the core face: a rule may name each by that name
     * or by its v1 name, {@code v1Name} of it.
     */
    public ObjectNode view(String collection, ObjectNode view, UnaryOperator<String> v1Name) {
        if (!restricted()) {
            return view;
        }
        ObjectNode shown = view.objectNode();
        view.fields().forEachRemaining(field -> {
            switch (shown(collection, field.getKey(), v1Name.apply(field.getKey()))) {
                case READABLE -> shown.set(field.getKey(), field.getValue());
                case MASKED -> shown.put(field.getKey(), MASK);
                case HIDDEN -> { }
            }
        });
        return shown;
    }
}
