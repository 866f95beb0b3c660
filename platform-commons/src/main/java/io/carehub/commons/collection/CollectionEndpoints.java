package io.carehub.commons.collection;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import io.carehub.commons.access.Access;
import io.carehub.commons.access.Access.Operation;
import io.carehub.commons.access.AccessControl;
import io.carehub.commons.errors.ApiException;
import io.carehub.commons.export.CsvExport;
import io.carehub.commons.paging.Filter;
import io.carehub.commons.paging.FindParameters;
import io.carehub.commons.paging.FindResponse;
import io.carehub.commons.paging.PageOf;
import io.carehub.commons.paging.PageRows;
import io.carehub.commons.persistence.TenantResource;
import io.carehub.commons.security.Caller;
import io.carehub.commons.tenancy.Partition;
import io.carehub.commons.validation.Fields;
import io.carehub.commons.validation.JsonBodies;
import io.carehub.commons.validation.Schema;
import io.carehub.commons.validation.Types;
import io.carehub.commons.web.Data;
import io.carehub.commons.web.PublicUrls;
import io.smallrye.mutiny.Multi;
import io.quarkus.arc.Arc;
import io.smallrye.mutiny.Uni;

/**
 * The conventions of API.md §2, §3 and §5 that every collection's endpoints follow the same way: path ids
 * (malformed → 404), body parsing and validation, the {@code data} envelope, {@code 200} with
 * {@code Location} on Create, write-only redaction, Find and Find by POST with keyset paging, CSV export.
 * A collection's resource keeps its JAX-RS methods (so its paths, scopes and OpenAPI text are in plain
 * sight) and delegates each to one call here.
 */
public final class CollectionEndpoints<E extends TenantResource, V> {

    static final int EXPORT_BATCH = 500;

    private final String collection;
    private final CollectionService<E> service;
    private final Function<E, V> view;
    /** The view of a Find with {@code include_deleted=true}: with the {@code deleted} flag. */
    private final Function<E, V> viewWithDeleted;
    private final Schema schema;
    private final List<Filter> filters;
    private final boolean deletable;
    private final Caller caller;
    private final PublicUrls urls;

    private CollectionEndpoints(String collection, CollectionService<E> service, Function<E, V> view,
            Function<E, V> viewWithDeleted, Schema schema, List<Filter> filters, boolean deletable, Caller caller,
            PublicUrls urls) {
        this.collection = collection;
        this.service = service;
        this.view = view;
        this.viewWithDeleted = viewWithDeleted;
        this.schema = schema;
        this.filters = filters;
        this.deletable = deletable;
        this.caller = caller;
        this.urls = urls;
    }

    /**
     * @param collection its name in paths and scopes ({@code workers})
     * @param schema     what Create and Update accept (null for a read-only collection)
     * @param filters    its Find filters
     * @param deletable  whether it has Delete (then Find takes {@code include_deleted})
     */
    public static <E extends TenantResource, V> CollectionEndpoints<E, V> of(String collection, CollectionService<E> service,
            Function<E, V> view, Schema schema, List<Filter> filters, boolean deletable, Caller caller, PublicUrls urls) {
        return new CollectionEndpoints<>(collection, service, view, view, schema, filters, deletable, caller, urls);
    }

    /**
     * The endpoints of a collection with Delete (API.md §2): Find takes {@code include_deleted}, and a Find that
     * includes deleted resources shows each with {@code viewWithDeleted} (its {@code deleted} flag); everything
     * else shows {@code view}.
     */
    public static <E extends TenantResource, V> CollectionEndpoints<E, V> withDeletes(String collection,
            CollectionService<E> service, Function<E, V> view, Function<E, V> viewWithDeleted, Schema schema,
            List<Filter> filters, Caller caller, PublicUrls urls) {
        return new CollectionEndpoints<>(collection, service, view, viewWithDeleted, schema, filters, true, caller, urls);
    }

    public Uni<Data<V>> get(String id) {
        UUID uuid = guid(id);
        return access(Operation.READ).chain(access -> service.get(caller.partition(), uuid)
                .map(e -> Data.of(shown(access, view.apply(e)))));
    }

    public Uni<FindResponse<V>> find(UriInfo uriInfo) {
        return find(FindParameters.fromQuery(uriInfo.getQueryParameters(), filters, deletable), uriInfo);
    }

    public Uni<FindResponse<V>> findByPost(String body, String contentType, UriInfo uriInfo) {
        return find(FindParameters.fromBody(body, contentType, filters, deletable), uriInfo);
    }

    private Uni<FindResponse<V>> find(FindParameters find, UriInfo uriInfo) {
        Function<E, V> shownView = find.includeDeleted() ? viewWithDeleted : view;
        return access(Operation.READ).chain(access -> service.page(caller.partition(), find)
                .map(rows -> FindResponse.of(PageOf.of(rows, find.page(), e -> e.updatedAt, e -> e.id)
                        .map(e -> shown(access, shownView.apply(e))), find, urls.collection(uriInfo, collection))));
    }

    /** {@code 200 {"data": ...}} with the new resource's {@code Location} (200, as the live v1 API answers). */
    public Uni<Response> create(String body, UriInfo uriInfo) {
        return create(body, uriInfo, fields -> { });
    }

    /** As {@link #create(String, UriInfo)}, with {@code check} run on the valid body before anything else. */
    public Uni<Response> create(String body, UriInfo uriInfo, Consumer<Fields> check) {
        var fields = schema.create(JsonBodies.object(body)).sentAs(body);
        check.accept(fields);
        return access(Operation.CREATE).invoke(access -> access.requireWritable(collection, Operation.CREATE,
                fields.asMap().keySet())).chain(access -> service.create(caller.partition(), fields)
                        .map(e -> Response.ok(Data.of(visible(access, e)))
                                .location(URI.create(urls.collection(uriInfo, collection) + "/" + e.id)).build()));
    }

    public Uni<Data<Object>> update(String id, String body) {
        UUID uuid = guid(id);
        var fields = schema.update(JsonBodies.object(body)).sentAs(body);
        return access(Operation.UPDATE).invoke(access -> access.requireWritable(collection, Operation.UPDATE,
                fields.asMap().keySet())).chain(access -> service.update(caller.partition(), uuid, fields)
                        .map(e -> Data.of(visible(access, e))));
    }

    /** {@code 200 {"data": the resource as it was}}. */
    public Uni<Data<Object>> delete(String id) {
        UUID uuid = guid(id);
        return access(Operation.DELETE).chain(access -> service.delete(caller.partition(), uuid)
                .map(e -> Data.of(visible(access, e))));
    }

    /**
     * Every resource of the caller's partition as CSV, in keyset batches (optional {@code page[from]}, {@code page[to]}, and
     * {@code csv_escape_formulas}).
     */
    public Multi<String> export(UriInfo uriInfo, List<String> columns, Function<E, List<Object>> row) {
        FindParameters find = FindParameters.forExport(uriInfo.getQueryParameters(), filters, deletable);
        Partition partition = caller.partition();
        return access(Operation.READ).onItem().transformToMulti(access -> {
            // What the roles may not read is no column; what they see masked is masked in every row.
            List<Integer> kept = new ArrayList<>();
            List<Boolean> masked = new ArrayList<>();
            for (int i = 0; i < columns.size(); i++) {
                Access.Shown shown = access.shown(collection, columns.get(i));
                if (shown != Access.Shown.HIDDEN) {
                    kept.add(i);
                    masked.add(shown == Access.Shown.MASKED);
                }
            }
            List<String> shownColumns = kept.stream().map(columns::get).toList();
            Function<E, List<Object>> shownRow = !access.restricted() ? row : e -> {
                List<Object> full = row.apply(e);
                List<Object> out = new ArrayList<>(kept.size());
                for (int k = 0; k < kept.size(); k++) {
                    Object value = full.get(kept.get(k));
                    out.add(masked.get(k) && value != null ? Access.MASK : value);
                }
                return out;
            };
            return CsvExport.stream(shownColumns, EXPORT_BATCH,
                    after -> service.page(partition, find.continuing(after, EXPORT_BATCH)).map(PageRows::rows)
                            .map(rows -> rows.size() > EXPORT_BATCH ? rows.subList(0, EXPORT_BATCH) : rows),
                    TenantResource::cursor, shownRow, find.escapeFormulas());
        });
    }

    /** What the caller's roles allow of this collection, the operation checked ({@link AccessControl#require}). */
    private Uni<Access> access(Operation operation) {
        return control().require(collection, operation);
    }

    /** The view as the roles let it be read. */
    private V shown(Access access, V v) {
        return control().shown(access, collection, v, UnaryOperator.identity());
    }

    /** What a write answers: the resource as the caller may read it, or only its id where it may not read it at all. */
    private Object visible(Access access, E e) {
        return control().visible(access, collection, view.apply(e), e.id.toString(), UnaryOperator.identity());
    }

    private static AccessControl control() {
        return Arc.container().instance(AccessControl.class).get();
    }

    /** A path id: a malformed one names nothing, so it is {@code 404}, like an unknown one. */
    public static UUID guid(String id) {
        UUID uuid = Types.parseGuid(id);
        if (uuid == null) {
            throw ApiException.notFound();
        }
        return uuid;
    }
}
