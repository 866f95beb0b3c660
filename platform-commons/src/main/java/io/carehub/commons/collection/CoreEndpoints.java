package io.carehub.commons.collection;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import io.carehub.commons.access.Access;
import io.carehub.commons.access.Access.Operation;
import io.carehub.commons.access.AccessControl;
import io.carehub.commons.paging.Filter;
import io.carehub.commons.paging.ListPage;
import io.carehub.commons.paging.ListParameters;
import io.carehub.commons.persistence.TenantResource;
import io.carehub.commons.security.Caller;
import io.carehub.commons.tenancy.Partition;
import io.carehub.commons.validation.Fields;
import io.carehub.commons.validation.JsonBodies;
import io.carehub.commons.validation.Schema;
import io.carehub.commons.web.PublicUrls;
import io.smallrye.mutiny.Uni;

/**
 * The conventions of the core face (API-CORE.md §C1, §C3, §C4) that every collection's core resource follows the same
 * way, over the same service logic as its v1 face ({@link CollectionService}): the tenant in the path and the
 * {@code environment} parameter ({@link Caller#corePartition}); camelCase fields, checked by the v1 schema's rules under
 * their camelCase names and handed to the service under their v1 names, every error's path and wording in camelCase;
 * page/size lists with totals; single objects bare; {@code 201} with {@code Location} on Create; JSON merge patch
 * (a member set to null clears it) for Update; the caller's roles enforced as on the v1 face ({@link AccessControl}),
 * a rule naming each field by its camelCase or its v1 name.
 */
public final class CoreEndpoints<E extends TenantResource, V> {

    /** The media type of a JSON merge patch (RFC 7396): what every core-face PATCH takes, besides plain JSON. */
    public static final String MERGE_PATCH = "application/merge-patch+json";

    private final String collection;
    private final CollectionService<E> service;
    private final Function<E, V> view;
    private final Map<String, String> v1Names = new HashMap<>();
    private final Schema schema;
    private final List<Filter> filters;
    private final Map<String, String> sortable;
    private final Caller caller;
    private final PublicUrls urls;
    private final CoreNames coreNames;
    private final AccessControl control;

    /**
     * @param names    the collection's fields on the core face: v1 name → camelCase name, in the v1 schema's terms
     * @param v1Schema what the v1 face's Create and Update accept; the core face takes its {@code names} fields
     * @param filters  the core face's list filters, by camelCase name (each with the entity attribute it matches)
     * @param sortable the fields a list may be sorted by beyond createdAt and updatedAt: camelCase name → attribute
     */
    public CoreEndpoints(String collection, CollectionService<E> service, Function<E, V> view, Map<String, String> names,
            Schema v1Schema, List<Filter> filters, Map<String, String> sortable, Caller caller, PublicUrls urls) {
        this.collection = collection;
        this.service = service;
        this.view = view;
        names.forEach((v1, core) -> v1Names.put(core, v1));
        this.schema = v1Schema.renamed(names);
        this.filters = filters;
        this.sortable = sortable;
        this.caller = caller;
        this.urls = urls;
        this.coreNames = new CoreNames(names);
        this.control = io.quarkus.arc.Arc.container().instance(AccessControl.class).get();
    }

    public Uni<ListPage<V>> list(String tenant, String environment, UriInfo uriInfo) {
        Partition partition = caller.corePartition(tenant, environment);
        ListParameters list = ListParameters.fromQuery(uriInfo.getQueryParameters(), filters, sortable);
        return control.require(collection, Operation.READ).chain(access -> inCoreNames(service.list(partition, list))
                .map(page -> page.map(e -> shown(access, e))));
    }

    public Uni<V> get(String tenant, String environment, String id) {
        Partition partition = caller.corePartition(tenant, environment);
        UUID uuid = CollectionEndpoints.guid(id);
        return control.require(collection, Operation.READ).chain(access -> inCoreNames(service.get(partition, uuid))
                .map(e -> shown(access, e)));
    }

    /** {@code 201}, the resource bare (or only its id, for a caller that may write but not read it), {@code Location}. */
    public Uni<Response> create(String tenant, String environment, String body, UriInfo uriInfo) {
        Partition partition = caller.corePartition(tenant, environment);
        Fields sent = schema.create(JsonBodies.object(body));
        Fields fields = sent.renamed(v1Names);
        return control.requireWritable(collection, Operation.CREATE, sent.asMap().keySet(), coreNames::v1)
                .chain(access -> inCoreNames(service.create(partition, fields)).map(e -> Response.status(
                        Response.Status.CREATED).entity(visible(access, e)).location(URI.create(urls.base(uriInfo) + "/v1/"
                                + tenant + "/" + collection + "/" + e.id)).build()));
    }

    /** A JSON merge patch (RFC 7396): members left out keep their value, a member set to null clears it. */
    public Uni<Object> patch(String tenant, String environment, String id, String body) {
        Partition partition = caller.corePartition(tenant, environment);
        var uuid = CollectionEndpoints.guid(id);
        Fields sent = schema.update(JsonBodies.object(body));
        Fields fields = sent.renamed(v1Names);
        return control.requireWritable(collection, Operation.UPDATE, sent.asMap().keySet(), coreNames::v1)
                .chain(access -> inCoreNames(service.update(partition, uuid, fields)).map(e -> visible(access, e)));
    }

    private V shown(Access access, E e) {
        return control.shown(access, collection, view.apply(e), coreNames::v1);
    }

    private Object visible(Access access, E e) {
        return control.visible(access, collection, view.apply(e), e.id.toString(), coreNames::v1);
    }

    /**
     * The service's failures in the core face's names. (What the core face checks itself, the body and the query, it
     * names in camelCase already: a v1 name a client sent there stays as sent.)
     */
    private <T> Uni<T> inCoreNames(Uni<T> call) {
        return coreNames.of(call);
    }
}
