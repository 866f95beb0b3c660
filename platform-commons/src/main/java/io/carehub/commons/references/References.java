package io.carehub.commons.references;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.carehub.commons.errors.ApiError;
import io.carehub.commons.errors.ApiException;
import io.carehub.commons.errors.ErrorCode;
import io.carehub.commons.security.PlatformSecret;
import io.carehub.commons.tenancy.Partition;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.http.HttpClient;

/**
 * Checks a reference to another service's resource (ARCHITECTURE.md, "Each service owns its data"): against the
 * ids this service knows ({@link KnownReferences}, fed by {@link ReferenceFeed}), and on a miss against the
 * owner itself, through its internal endpoint ({@link InternalReferencesResource}), authenticated as the platform.
 * So an id created before the request was sent is never refused, also while Kafka is slow or down:
 * <ul>
 * <li>known, or the owner says it exists (then remembered): accepted;</li>
 * <li>the owner says it does not exist in the caller's tenant and environment: {@code 404 resource_not_found} at the field;</li>
 * <li>unknown and the owner cannot be asked: {@code 503} with {@code Retry-After}, never a false {@code 404}.</li>
 * </ul>
 * Only what exists is remembered: an id refused now may be created the next moment.
 */
@ApplicationScoped
public class References {

    private static final Logger LOG = Logger.getLogger(References.class);

    private final KnownReferences known;
    private final ReferencesConfig config;
    private final PlatformSecret secret;
    private final HttpClient http;

    public References(KnownReferences known, ReferencesConfig config, PlatformSecret secret, Vertx vertx) {
        this.known = known;
        this.config = config;
        this.secret = secret;
        this.http = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) config.ownerTimeout().toMillis()).setKeepAlive(true));
    }

    /**
     * Succeeds when {@code id} (a value of the request's {@code field}) names a resource of {@code collection} in
     * {@code partition} (the caller's tenant and environment); null names nothing and passes. Call it before the write's transaction: it may wait for the owner.
     */
    public Uni<Void> require(Partition partition, String collection, UUID id, String field) {
        return requireAll(partition, List.of(new Reference(collection, id, "." + field)));
    }

    /** One reference of a request: the id a field names, the collection it names one of, and the field's path. */
    public record Reference(String collection, UUID id, String path) {
    }

    /**
     * Succeeds when every reference names a resource of its collection in {@code partition} (null ids pass);
     * otherwise fails with one {@code 404 resource_not_found} per field that names none, each at its path
     * ({@code .care_flow.goals[0].interventions[1].worker_id}), or with {@code 503} when an owner cannot say.
     * Each distinct id is checked once, one after the other. Call it before the write's transaction.
     */
    public Uni<Void> requireAll(Partition partition, List<Reference> references) {
        Map<String, List<Reference>> byId = new LinkedHashMap<>();
        for (Reference r : references) {
            if (r.id() != null) {
                byId.computeIfAbsent(r.collection() + "/" + r.id(), k -> new ArrayList<>()).add(r);
            }
        }
        if (byId.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Multi.createFrom().iterable(byId.values())
                .onItem().transformToUniAndConcatenate(same -> exists(partition, same.get(0).collection(), same.get(0).id())
                        .map(exists -> exists ? List.<Reference>of() : same))
                .collect().asList()
                .chain(results -> {
                    List<ApiError> errors = new ArrayList<>();
                    for (List<Reference> missing : results) {
                        for (Reference r : missing) {
                            String field = r.path().substring(r.path().lastIndexOf('.') + 1);
                            errors.add(ApiError.at(ErrorCode.RESOURCE_NOT_FOUND, r.path(),
                                    field + " does not name an existing resource"));
                        }
                    }
                    return errors.isEmpty() ? Uni.createFrom().voidItem()
                            : Uni.createFrom().failure(new ApiException(errors));
                });
    }

    /** Whether {@code id} is known or its owner says it exists (then remembered); a failure when it cannot say. */
    private Uni<Boolean> exists(Partition partition, String collection, UUID id) {
        return known.isKnown(collection, partition, id).chain(isKnown -> isKnown ? Uni.createFrom().item(true)
                : askOwner(partition, collection, id).call(exists -> exists ? known.remember(collection, partition, id)
                        : Uni.createFrom().voidItem()));
    }

    /** Whether the owner has the resource; a failure ({@code 503}) when it cannot say. */
    private Uni<Boolean> askOwner(Partition partition, String collection, UUID id) {
        ReferencesConfig.Owner owner = config.collections().get(collection);
        if (owner == null || secret.value().isEmpty()) {
            LOG.errorf("references: no owner URL or platform secret configured for %s", collection);
            return Uni.createFrom().failure(unavailable(collection));
        }
        String base = owner.ownerUrl().endsWith("/") ? owner.ownerUrl().substring(0, owner.ownerUrl().length() - 1)
                : owner.ownerUrl();
        String url = base + "/internal/references/" + collection + "/" + id
                + "?tenant=" + URLEncoder.encode(partition.tenant(), StandardCharsets.UTF_8)
                + "&environment=" + URLEncoder.encode(partition.environment(), StandardCharsets.UTF_8);
        RequestOptions request = new RequestOptions().setMethod(HttpMethod.GET).setAbsoluteURI(url)
                .putHeader(PlatformSecret.HEADER, secret.value().get()).putHeader("Accept", "application/json");
        return http.request(request)
                .chain(r -> r.send())
                .chain(response -> response.body().map(body -> response.statusCode()))
                .ifNoItem().after(config.ownerTimeout()).fail()
                .onItemOrFailure().transformToUni((status, failure) -> {
                    if (failure == null && status == 200) {
                        return Uni.createFrom().item(true);
                    }
                    if (failure == null && status == 404) {
                        return Uni.createFrom().item(false);
                    }
                    LOG.warnf("references: the owner of %s cannot say whether an id exists (%s)", collection,
                            failure == null ? "HTTP " + status : failure.getClass().getSimpleName());
                    return Uni.createFrom().failure(unavailable(collection));
                });
    }

    private ApiException unavailable(String collection) {
        return ApiException.unavailable("cannot check the " + collection + " this request names now; retry later",
                config.retryAfter());
    }
}
