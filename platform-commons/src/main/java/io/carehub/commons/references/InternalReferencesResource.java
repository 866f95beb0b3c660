package io.carehub.commons.references;

import java.util.UUID;

import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.server.Cancellable;

import io.carehub.commons.errors.ApiException;
import io.carehub.commons.errors.ErrorCode;
import io.carehub.commons.security.PlatformSecret;
import io.carehub.commons.tenancy.Partition;
import io.carehub.commons.validation.Types;
import io.carehub.commons.web.Data;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * {@code GET /internal/references/<collection>/<id>?tenant=<tenant>&environment=<environment>}: whether this
 * service, the owner of {@code collection}, has the resource in that tenant and environment — {@code 200 {"data": {"id": ...}}} or {@code 404}. For
 * the platform's own services only ({@link PlatformSecret}; not routed by the gateway, not in the OpenAPI
 * document), so that a reference to a resource created a moment ago is never refused (see {@link References}).
 */
// A client that goes away does not cut the work short: a write and its session finish (API.md: nothing half-done).
@Cancellable(false)
@Path("/internal/references")
@Produces(MediaType.APPLICATION_JSON)
public class InternalReferencesResource {

    public record Known(String id) {
    }

    private final Instance<OwnedCollection> owned;
    private final PlatformSecret secret;

    public InternalReferencesResource(Instance<OwnedCollection> owned, PlatformSecret secret) {
        this.owned = owned;
        this.secret = secret;
    }

    @GET
    @Path("{collection}/{id}")
    @PermitAll
    @Operation(hidden = true)
    public Uni<Data<Known>> exists(@PathParam("collection") String collection,
            @PathParam("id") String id, @QueryParam("tenant") String tenant,
            @QueryParam("environment") String environment,
            @HeaderParam(PlatformSecret.HEADER) String presented) {
        if (!secret.matches(presented)) {
            throw ApiException.of(ErrorCode.UNAUTHORIZED, "internal endpoint: the platform secret is required");
        }
        UUID uuid = Types.parseGuid(id);
        OwnedCollection collectionOwned = owned.stream().filter(c -> c.name().equals(collection)).findFirst().orElse(null);
        if (uuid == null || tenant == null || tenant.isBlank() || collectionOwned == null) {
            throw ApiException.notFound();
        }
        // A service not yet upgraded asks without an environment: it knows only live data.
        Partition partition = new Partition(tenant, environment == null || environment.isBlank() ? Partition.LIVE : environment);
        return Panache.withSession(() -> collectionOwned.exists(partition, uuid))
                .map(exists -> {
                    if (!exists) {
                        throw ApiException.notFound();
                    }
                    return Data.of(new Known(uuid.toString()));
                });
    }
}
