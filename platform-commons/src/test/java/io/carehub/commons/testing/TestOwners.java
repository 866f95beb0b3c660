package io.carehub.commons.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * The other services, as far as a service under test asks them whether an id exists: their internal reference
 * endpoint ({@code GET /internal/references/<collection>/<id>?tenant=&environment=}), answering from what a test
 * {@link #create}d, checking the platform secret like the real one. A test can take the owners down
 * ({@link #unreachable}) to show what happens when they cannot be asked. The referenced collections are named by
 * the resource's init argument {@code collections} (comma-separated); each one's owner URL is pointed here.
 * <p>
 * It is notifier-service too, as the revocation feed asks it whether an API client is usable
 * ({@code api_clients}: {@link #create}d is usable, {@link #delete}d is disabled or deleted), and as the services ask
 * it for a tenant's roles and their rules ({@code GET /internal/access/<tenant>}: what {@link #roles} set).
 */
public class TestOwners implements QuarkusTestResourceLifecycleManager {

    /** The platform secret of the test configuration ({@code carehub.internal.secret}). */
    public static final String SECRET = "test-platform-secret-0123456789abcdef";

    private static final String LIVE = "live";
    private static final Set<String> EXISTING = ConcurrentHashMap.newKeySet();
    private static final java.util.Map<String, String> ROLES = new ConcurrentHashMap<>();
    private static final AtomicInteger ASKED = new AtomicInteger();
    private static volatile boolean reachable = true;
    private static HttpServer server;

    private List<String> collections = List.of();

    @Override
    public void init(Map<String, String> initArgs) {
        collections = List.of(initArgs.getOrDefault("collections", "").split(",")).stream()
                .map(String::strip).filter(c -> !c.isEmpty()).toList();
    }

    @Override
    public synchronized Map<String, String> start() {
        Map<String, String> config = new HashMap<>();
        for (String collection : collections) {
            config.put("carehub.references.collections." + collection + ".owner-url", url());
        }
        config.put("carehub.revocation.notifier-url", url());
        return config;
    }

    @Override
    public void stop() {
        // Kept for the JVM's other test classes.
    }

    public static synchronized String url() {
        if (server == null) {
            try {
                server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            server.createContext("/internal/references/", TestOwners::answer);
            server.createContext("/internal/access/", TestOwners::access);
            server.setExecutor(Executors.newFixedThreadPool(4));
            server.start();
        }
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /**
     * The owner of {@code collection} has made {@code id} in {@code tenant}'s live environment (its event may come
     * later, or never).
     */
    public static UUID create(String collection, String tenant) {
        return create(collection, tenant, LIVE);
    }

    /** The same in {@code tenant}'s {@code environment}. */
    public static UUID create(String collection, String tenant, String environment) {
        UUID id = UUID.randomUUID();
        EXISTING.add(key(collection, tenant, environment, id));
        return id;
    }

    /** The owner has {@code id} (again): an API client enabled again. */
    public static void create(String collection, String tenant, UUID id) {
        EXISTING.add(key(collection, tenant, LIVE, id));
    }

    /** The owner deleted it (an API client: disabled or deleted). */
    public static void delete(String collection, String tenant, UUID id) {
        EXISTING.remove(key(collection, tenant, LIVE, id));
    }

    /**
     * notifier-service's roles of {@code tenant}: {@code roles} is the JSON object {@code {"<role>": [rule, ...]}} of
     * API-CORE.md §C9's rules. A service reads them when a token of the tenant first names a role.
     */
    public static void roles(String tenant, String roles) {
        ROLES.put(tenant, roles);
    }

    private static void access(HttpExchange exchange) throws IOException {
        String tenant = URLDecoder.decode(exchange.getRequestURI().getRawPath().substring("/internal/access/".length()),
                StandardCharsets.UTF_8);
        int status = !reachable ? 503 : !SECRET.equals(exchange.getRequestHeaders().getFirst("X-Platform-Secret")) ? 401 : 200;
        byte[] body = (status == 200 ? "{\"roles\":" + ROLES.getOrDefault(tenant, "{}") + "}" : "{\"errors\":[]}")
                .getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** While false, every owner answers 503, as when it is down or overloaded. */
    public static void unreachable(boolean down) {
        reachable = !down;
    }

    /** How many questions the owners were asked so far about references (those about API clients not counted). */
    public static int asked() {
        return ASKED.get();
    }

    private static void answer(HttpExchange exchange) throws IOException {
        if (!exchange.getRequestURI().getPath().startsWith("/internal/references/api_clients/")) {
            // The revocation feed asks in the background, whenever an api_clients event comes.
            ASKED.incrementAndGet();
        }
        int status;
        if (!reachable) {
            status = 503;
        } else if (!SECRET.equals(exchange.getRequestHeaders().getFirst("X-Platform-Secret"))) {
            status = 401;
        } else {
            URI uri = exchange.getRequestURI();
            String[] parts = uri.getPath().split("/");
            String tenant = parameter(uri.getRawQuery(), "tenant");
            String environment = parameter(uri.getRawQuery(), "environment");
            // API clients are tenant-wide: whatever environment the asker names, the tenant's client answers.
            boolean tenantWide = parts.length == 5 && parts[3].equals("api_clients");
            status = parts.length == 5 && tenant != null && (tenantWide || environment != null) && EXISTING.contains(
                    key(parts[3], tenant, tenantWide ? LIVE : environment, parts[4])) ? 200 : 404;
        }
        byte[] body = (status == 200 ? "{\"data\":{}}" : "{\"errors\":[]}").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static String parameter(String query, String name) {
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            if (pair.startsWith(name + "=")) {
                return URLDecoder.decode(pair.substring(name.length() + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private static String key(String collection, String tenant, String environment, Object id) {
        return collection + " " + tenant + " " + environment + " " + id;
    }
}
