package io.carehub.commons.web;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Every absolute URL the API hands out is the gateway's: {@code PUBLIC_BASE_URL} when set, else the
 * request's own base URL as the gateway's {@code X-Forwarded-*} headers describe it.
 */
@ApplicationScoped
public class PublicUrls {

    @ConfigProperty(name = "carehub.public-base-url")
    Optional<String> publicBaseUrl;

    public String base(UriInfo uriInfo) {
        String base = publicBaseUrl.filter(s -> !s.isBlank())
                .orElseGet(() -> uriInfo.getBaseUri().toString());
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    /** e.g. {@code http://localhost:8080/v1/workers}. */
    public String collection(UriInfo uriInfo, String collection) {
        return base(uriInfo) + "/v1/" + collection;
    }
}
