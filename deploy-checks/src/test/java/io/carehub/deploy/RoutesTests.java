package io.carehub.deploy;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.carehub.deploy.Endpoints.Endpoint;
import io.carehub.deploy.K8sRoutes.Backend;
import io.carehub.deploy.Services.Service;

/**
 * Every public path a service serves (its JAX-RS resources: {@code /v1/...}, and {@code /oauth/token} of API-CORE.md
 * §C2) reaches that service through each gateway: the local nginx, the HTTPRoutes and the Ingress component. Exports stream (unbuffered) with the exports' timeout, the
 * rest get the ordinary one, the same in the three. Paths outside {@code /v1} ({@code /internal/...}, which services
 * call on one another) are routed by none of them.
 */
class RoutesTests {

    private static final String EXPORTS = "/v1/exports/";

    @Test
    void theServicesServePublicPaths() {
        Problems p = new Problems();
        long publicPaths = Services.all().stream().flatMap(s -> Endpoints.of(s).stream()).filter(Endpoint::isPublicApi).count();
        p.check(publicPaths > 0, "no /v1 path found in any service: is the JAX-RS reading broken?");
        for (Service s : Services.all()) {
            for (Endpoint e : Endpoints.of(s)) {
                p.check(e.isPublicApi() || e.path().startsWith("/internal/"),
                        s + " serves " + e + ": neither public (/v1/..., /oauth/...) nor internal (/internal/...); say which it is");
            }
        }
        // OAuth's token endpoint is read from the code like every other path; that it is found at all is checked here.
        p.check(Services.all().stream().flatMap(s -> Endpoints.of(s).stream())
                .anyMatch(e -> e.method().equals("POST") && e.path().equals("/oauth/token")),
                "no service serves POST /oauth/token (API-CORE.md §C2)");
        p.assertNone("paths");
    }

    @Test
    void theLocalGatewayRoutesEveryPublicPathToItsOwnerAndNoOtherPath() {
        NginxGateway gateway = NginxGateway.load();
        Problems p = new Problems();
        for (String service : gateway.upstreams().values()) {
            p.check(Services.all().stream().anyMatch(s -> s.name().equals(service)),
                    "nginx.conf.template has an upstream for " + service + ", which is no service");
        }
        String ordinary = timeoutOf(gateway, gateway.route("/v1/no_such_collection_" + System.nanoTime()));
        for (Service s : Services.all()) {
            for (Endpoint e : Endpoints.of(s)) {
                NginxGateway.Route route = gateway.route(e.example());
                if (!e.isPublicApi()) {
                    p.check(route.service().isEmpty(), "nginx routes " + e + " of " + s + ", which is not public: " + route);
                    continue;
                }
                if (!route.service().equals(Optional.of(s.name()))) {
                    p.add("nginx: " + e.example() + " (" + e + ") should reach " + s + ", goes to " + route);
                    continue;
                }
                if (e.path().startsWith(EXPORTS)) {
                    p.check(gateway.effective(route, "proxy_buffering").orElse("on").equals("off"),
                            "nginx: the export " + e.path() + " is buffered (" + route + "): set proxy_buffering off");
                    p.check(!timeoutOf(gateway, route).equals(ordinary),
                            "nginx: the export " + e.path() + " has the ordinary proxy_read_timeout " + ordinary);
                }
            }
        }
        p.assertNone("deploy/local/nginx.conf.template");
    }

    @Test
    void theHttpRoutesRouteEveryPublicPathToItsOwnerAndNoOtherPath() {
        NginxGateway gateway = NginxGateway.load();
        boolean any = false;
        for (String variant : Manifests.variants()) {
            Manifests m = Manifests.of(variant);
            if (m.all("HTTPRoute").isEmpty()) {
                continue;
            }
            any = true;
            Problems p = new Problems();
            for (JsonNode route : m.all("HTTPRoute")) {
                for (JsonNode parent : route.path("spec").path("parentRefs")) {
                    p.check(m.find("Gateway", parent.path("name").asText()).isPresent(),
                            "HTTPRoute " + route.path("metadata").path("name").asText() + " is attached to the Gateway "
                                    + parent.path("name").asText() + ", which is not rendered");
                }
            }
            for (Service s : Services.all()) {
                for (Endpoint e : Endpoints.of(s)) {
                    List<Backend> backends = K8sRoutes.httpRoute(m, e.example());
                    if (!e.isPublicApi()) {
                        p.check(backends.isEmpty(), "an HTTPRoute routes " + e + " of " + s + ", which is not public: " + backends);
                        continue;
                    }
                    if (backends.isEmpty()) {
                        p.add("no HTTPRoute takes " + e.example() + " (" + e + " of " + s + ")");
                        continue;
                    }
                    for (Backend b : backends) {
                        p.check(b.service().equals(s.name()), e.example() + " should reach " + s + ", an HTTPRoute sends it to " + b);
                        p.check(servicePort(m, b.service(), b.port()), b.ownerName() + " names port " + b.port()
                                + " of the Service " + b.service() + ", which has no such port");
                    }
                    String expected = timeoutOf(gateway, gateway.route(e.example()));
                    String actual = backends.get(0).rule().path("timeouts").path("request").asText("");
                    p.check(!actual.isEmpty() && NginxGateway.seconds(actual) == Long.parseLong(expected),
                            backends.get(0).ownerName() + ": the rule taking " + e.path() + " has the request timeout '" + actual
                                    + "', nginx gives it " + expected + " s");
                }
            }
            p.assertNone(variant + ": HTTPRoutes");
        }
        assertFalse(!any, "no overlay renders an HTTPRoute");
    }

    @Test
    void theIngressComponentRoutesEveryPublicPathToItsOwnerAndNoOtherPath() {
        NginxGateway gateway = NginxGateway.load();
        boolean any = false;
        for (String variant : Manifests.variants()) {
            Manifests m = Manifests.of(variant);
            if (m.all("Ingress").isEmpty()) {
                continue;
            }
            any = true;
            Problems p = new Problems();
            p.check(m.all("HTTPRoute").isEmpty() && m.all("Gateway").isEmpty(),
                    "with the Ingress, the Gateway and HTTPRoutes should be gone (two gateways for one API)");
            for (Service s : Services.all()) {
                for (Endpoint e : Endpoints.of(s)) {
                    Optional<Backend> b = K8sRoutes.ingress(m, e.example());
                    if (!e.isPublicApi()) {
                        p.check(b.isEmpty(), "an Ingress routes " + e + " of " + s + ", which is not public: " + b.orElse(null));
                        continue;
                    }
                    if (b.isEmpty()) {
                        p.add("no Ingress path takes " + e.example() + " (" + e + " of " + s + ")");
                        continue;
                    }
                    p.check(b.get().service().equals(s.name()), e.example() + " should reach " + s + ", an Ingress sends it to " + b.get());
                    p.check(servicePort(m, b.get().service(), b.get().port()),
                            b.get().ownerName() + " names port " + b.get().port() + " of the Service " + b.get().service() + ", which has none");
                    JsonNode annotations = b.get().owner().path("metadata").path("annotations");
                    String expected = timeoutOf(gateway, gateway.route(e.example()));
                    String actual = annotations.path("nginx.ingress.kubernetes.io/proxy-read-timeout").asText("");
                    p.check(actual.equals(expected), b.get().ownerName() + " takes " + e.path() + " with proxy-read-timeout '" + actual
                            + "', nginx gives it " + expected + " s");
                    if (e.path().startsWith(EXPORTS)) {
                        p.check(annotations.path("nginx.ingress.kubernetes.io/proxy-buffering").asText("on").equals("off"),
                                b.get().ownerName() + " buffers the export " + e.path() + ": proxy-buffering should be off");
                    }
                }
            }
            p.assertNone(variant + ": Ingresses");
        }
        assertFalse(!any, "no overlay with a component renders an Ingress");
    }

    /** The location's effective proxy_read_timeout, in seconds. */
    private static String timeoutOf(NginxGateway gateway, NginxGateway.Route route) {
        return String.valueOf(NginxGateway.seconds(gateway.effective(route, "proxy_read_timeout").orElse("60s")));
    }

    static boolean servicePort(Manifests m, String service, String port) {
        Optional<JsonNode> svc = m.find("Service", service);
        if (svc.isEmpty()) {
            return false;
        }
        for (JsonNode p : svc.get().path("spec").path("ports")) {
            if (p.path("port").asText().equals(port) || p.path("name").asText().equals(port)) {
                return true;
            }
        }
        return false;
    }
}
