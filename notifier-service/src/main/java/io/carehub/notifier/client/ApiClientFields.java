package io.carehub.notifier.client;

import java.util.List;

import io.carehub.commons.paging.Filter;
import io.carehub.commons.security.Scopes;
import io.carehub.commons.tenancy.Partition;
import io.carehub.commons.validation.Field;
import io.carehub.commons.validation.FieldType;
import io.carehub.commons.validation.Fields;
import io.carehub.commons.validation.Schema;
import io.carehub.commons.validation.Types;

/** What an api_clients request may hold, and how it is applied to a client. */
final class ApiClientFields {

    static final String COLLECTION = "api_clients";

    /** One scope that exists (API.md §1): all, admin, operator, webhooks or {@code <collection>.read|write}. */
    static final FieldType SCOPE = (path, name, v, out) -> {
        Object s = Types.STRING.read(path, name, v, out);
        if (s != null && !Scopes.exists((String) s)) {
            out.bad(path, name + " must be all, admin, operator, webhooks or <collection>.read or <collection>.write"
                    + " of a collection, e.g. patients.read");
            return null;
        }
        return s;
    };

    /** A non-empty list of scopes; a repeated scope counts once. */
    static final FieldType SCOPES = Types.distinctListOf(SCOPE, "must name at least one scope");

    /** One environment's name (API-CORE.md §C1); whether the platform has it is the service's to check. */
    static final FieldType ENVIRONMENT = (path, name, v, out) -> {
        Object s = Types.STRING.read(path, name, v, out);
        if (s != null && !Partition.isEnvironmentName((String) s)) {
            out.bad(path, name + " must be an environment's name, e.g. live or sandbox");
            return null;
        }
        return s;
    };

    /** A non-empty list of environments, the first the default of its tokens; a repeated one counts once. */
    static final FieldType ENVIRONMENTS = Types.distinctListOf(ENVIRONMENT, "must name at least one environment");

    /** A tenant's name: not one the core face's paths reserve (API-CORE.md §C1: {@code /v1/patients} is no tenant's). */
    static final FieldType TENANT = (path, name, v, out) -> {
        Object s = Types.NON_EMPTY_STRING.read(path, name, v, out);
        if (s != null && Partition.isReservedTenantName((String) s)) {
            out.bad(path, name + " may not be " + s + ": a collection's name, and the other first segments of /v1 paths,"
                    + " are reserved");
            return null;
        }
        return s;
    };

    /** Role names (API-CORE.md §C9); each must name a live role of the client's tenant (the service checks). */
    static final FieldType ROLES = Types.listOf(io.carehub.notifier.policy.SecurityPolicyFields.NAME);

    /** What a client is granted when its Create names no environments. */
    static final List<String> DEFAULT_ENVIRONMENTS = List.of(Partition.LIVE);

    static final Schema CREATE = Schema.of(
            Field.of("name", Types.NON_EMPTY_STRING).required(),
            Field.of("scopes", SCOPES).required(),
            Field.of("environments", ENVIRONMENTS),
            Field.of("roles", ROLES),
            Field.of("tenant", TENANT));

    /**
     * Only name, scopes, environments and disabled change (environments left out keep theirs); the tenant and
     * client_id of a client never do.
     */
    static final Schema UPDATE = Schema.of(
            Field.of("name", Types.NON_EMPTY_STRING).required(),
            Field.of("scopes", SCOPES).required(),
            Field.of("disabled", Types.BOOLEAN).required(),
            Field.of("environments", ENVIRONMENTS),
            Field.of("roles", ROLES),
            Field.of("tenant", Types.NON_EMPTY_STRING).createOnly(),
            Field.of("client_id", Types.STRING).createOnly());

    /** The operator may narrow a Find to one tenant (an admin sees only its own anyway) or look a client up by client_id. */
    static final List<Filter> FILTERS = List.of(
            Filter.of("tenant", Types.NON_EMPTY_STRING, "tenant"),
            Filter.of("client_id", Types.NON_EMPTY_STRING, "clientId"));

    private ApiClientFields() {
    }

    static void apply(Fields fields, ApiClient client) {
        if (fields.has("name")) {
            client.name = fields.string("name");
        }
        if (fields.has("scopes")) {
            client.scopes = List.copyOf(fields.<String>list("scopes"));
        }
        if (fields.has("environments") && fields.get("environments") != null) {
            client.environments = List.copyOf(fields.<String>list("environments"));
        }
        if (fields.has("roles")) {
            client.roles = fields.get("roles") == null ? List.of() : fields.<String>list("roles").stream().distinct().toList();
        }
        if (fields.has("disabled")) {
            client.disabled = fields.bool("disabled");
        }
    }
}
