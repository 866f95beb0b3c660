package io.carehub.notifier.delivery;

import java.util.HashMap;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.carehub.commons.paging.FindParameters;
import io.carehub.commons.paging.KeysetQuery;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class WebhookDeliveryRepository implements PanacheRepositoryBase<WebhookDelivery, UUID> {

    /** One page of a subscription's attempts, oldest first, keyset over (attempt time, id). */
    public Uni<List<WebhookDelivery>> page(String tenant, UUID subscriptionId, FindParameters find) {
        KeysetQuery query = KeysetQuery.inTenant(tenant, find, false);
        var params = new HashMap<>(query.parameters());
        params.put("subscription", subscriptionId);
        return find("subscriptionId = :subscription and " + query.hql(), params).range(0, query.fetchSize() - 1).list();
    }
}
