package io.carehub.notifier.role;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.carehub.commons.errors.ApiException;
import io.carehub.commons.errors.ErrorCode;
import io.carehub.commons.security.PlatformSecret;
import io.carehub.notifier.policy.SecurityPolicy;
import io.carehub.notifier.policy.SecurityPolicyRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/**
 * {@code GET /internal/access/<tenant>}: the tenant's live roles, each with the rules of its live policies
 * ({@code {"roles": {"<role>": [rule, ...]}}}), for the services that enforce them (API-CORE.md §C9,
 * {@code io.carehub.commons.access.AccessDefinitions}). For the platform's own services only ({@link PlatformSecret};
 * not routed by the gateway, not in the OpenAPI document).
 */
@Path("/internal/access")
@Produces(MediaType.APPLICATION_JSON)
public class AccessDefinitionsResource {

    private final RoleRepository roles;
    private final SecurityPolicyRepository policies;
    private final PlatformSecret secret;

    public AccessDefinitionsResource(RoleRepository roles, SecurityPolicyRepository policies, PlatformSecret secret) {
        this.roles = roles;
        this.policies = policies;
        this.secret = secret;
    }

    @GET
    @Path("{tenant}")
    @PermitAll
    @Operation(hidden = true)
    @WithSession
    public Uni<JsonNode> definitions(@PathParam("tenant") String tenant, @HeaderParam(PlatformSecret.HEADER) String presented) {
        if (!secret.matches(presented)) {
            throw ApiException.of(ErrorCode.UNAUTHORIZED, "internal endpoint: the platform secret is required");
        }
        return policies.liveIn(tenant).chain(live -> roles.liveIn(tenant).map(liveRoles -> {
            Map<String, SecurityPolicy> byName = new LinkedHashMap<>();
            live.forEach(p -> byName.put(p.name, p));
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            ObjectNode byRole = out.putObject("roles");
            for (Role role : liveRoles) {
                ArrayNode rules = byRole.putArray(role.name);
                for (JsonNode policy : role.policies) {
                    SecurityPolicy p = byName.get(policy.asText());
                    if (p != null) {
                        p.rules.forEach(rules::add);
                    }
                }
            }
            return out;
        }));
    }
}
