package io.carehub.commons.access;

import java.util.Collection;
import java.util.function.UnaryOperator;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.carehub.commons.access.Access.Operation;
import io.carehub.commons.security.ApiCollections;
import io.carehub.commons.security.Caller;
import io.carehub.commons.web.IdOnly;
import io.quarkus.arc.Unremovable;
import io.smallrye.mutiny.Uni;

/**
 * The one place the caller's roles are enforced (API-CORE.md §C9), on both faces, in every service: the operation
 * allowed, each field a write names allowed, each response shown as the roles let it be read (hidden fields absent,
 * masked ones {@value Access#MASK}). A client with no roles, and a collection roles do not govern, pass untouched.
 *
 * <p>Roles govern the collections of care data ({@link ApiCollections#DATA}) and the records of each custom data type
 * on the core face ({@code cdt:<name>}, {@link #cdt}). notifier-service's own collections (api_clients,
 * webhook_subscriptions, security_policies, roles) are governed by the scopes alone: a role could otherwise lock the
 * tenant's administrator out of the very roles that would let it in again.
 *
 * <p>On the core face a rule may name a field by its camelCase name or its v1 name; each use passes how a core name
 * reads on the v1 face.
 */
// Looked up where no bean injects it (CollectionEndpoints): kept though unused by injection.
@Unremovable
@ApplicationScoped
public class AccessControl {

    /** What a custom data type's records are called in a rule: {@code cdt:<name>}. */
    public static final String CDT_PREFIX = "cdt:";

    private final Caller caller;
    private final AccessDefinitions definitions;
    private final AccessContext context;
    private final ObjectMapper mapper;

    public AccessControl(Caller caller, AccessDefinitions definitions, AccessContext context, ObjectMapper mapper) {
        this.caller = caller;
        this.definitions = definitions;
        this.context = context;
        this.mapper = mapper;
    }

    /** The resource of a rule that governs the records of the custom data type {@code name}. */
    public static String cdt(String name) {
        return CDT_PREFIX + name;
    }

    /** Whether roles govern {@code collection} (a collection of care data, or a custom data type's records). */
    public static boolean governs(String collection) {
        return ApiCollections.DATA.contains(collection) || collection.startsWith(CDT_PREFIX);
    }

    /**
     * What the caller's roles allow of {@code collection}, {@code operation} checked ({@code 403 forbidden} when they do
     * not allow it), recorded as this request's ({@link AccessContext}); {@link Access#UNRESTRICTED} for a client with no
     * roles and for a collection roles do not govern.
     */
    public Uni<Access> require(String collection, Operation operation) {
        if (!governs(collection) || caller.roles().isEmpty()) {
            return Uni.createFrom().item(Access.UNRESTRICTED);
        }
        return definitions.of(caller).invoke(access -> access.require(collection, operation)).invoke(context::record);
    }

    /**
     * What the caller's roles allow, recorded as this request's, for a write whose operation its service learns only
     * under its locks (an enrollment or a move of it), which checks it there.
     */
    public Uni<Access> access() {
        if (caller.roles().isEmpty()) {
            return Uni.createFrom().item(Access.UNRESTRICTED);
        }
        return definitions.of(caller).invoke(context::record);
    }

    /**
     * As {@link #require}, and each of {@code fields} (the members a Create or Update names, as it names them) writable:
     * {@code 403 forbidden} at each field's path otherwise, before anything is written.
     */
    public Uni<Access> requireWritable(String collection, Operation operation, Collection<String> fields,
            UnaryOperator<String> v1Name) {
        return require(collection, operation).invoke(access -> access.requireWritable(collection, operation, fields, v1Name));
    }

    /**
     * {@code view} as the roles let it be read; restricted, the JSON it becomes (the same members, less what the roles
     * hide), which Jackson writes by what it is whatever the declared type.
     */
    @SuppressWarnings("unchecked")
    public <V> V shown(Access access, String collection, V view, UnaryOperator<String> v1Name) {
        if (access.readsAll(collection)) {
            return view;
        }
        return (V) access.view(collection, mapper.valueToTree(view), v1Name);
    }

    /**
     * {@link #shown} as a function, for a Uni or a page of views: what it answers may be the JSON a view becomes, so a
     * caller must not hold it as the view's own type (a cast there would fail), only hand it on.
     */
    public <V> UnaryOperator<V> shownAs(Access access, String collection, UnaryOperator<String> v1Name) {
        return view -> shown(access, collection, view, v1Name);
    }

    /**
     * What a write answers: the resource as the caller may read it, or only its id where its scopes or its roles do not
     * let it read the collection at all.
     */
    public Object visible(Access access, String collection, Object view, String id, UnaryOperator<String> v1Name) {
        String scope = collection.startsWith(CDT_PREFIX) ? "custom_data_type_records" : collection;
        return caller.canRead(scope) && access.allows(collection, Operation.READ) ? shown(access, collection, view, v1Name)
                : new IdOnly(id);
    }
}
