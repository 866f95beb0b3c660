package io.carehub.deploy;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.AnnotationTarget;
import org.jboss.jandex.ClassInfo;
import org.jboss.jandex.DotName;
import org.jboss.jandex.IndexView;
import org.jboss.jandex.MethodInfo;

import io.carehub.deploy.Services.Service;

/**
 * The HTTP endpoints a service serves, read from its compiled JAX-RS resources: a class's {@code @Path} joined with
 * each resource method's (inherited methods included), under {@code quarkus.rest.path} / {@code quarkus.http.root-path}
 * when set. {@code /q/...} (health, metrics, OpenAPI) is Quarkus's own and not routed by the gateway.
 */
final class Endpoints {

    static final DotName PATH = DotName.createSimple("jakarta.ws.rs.Path");
    private static final List<DotName> HTTP_METHODS = List.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS")
            .stream().map(m -> DotName.createSimple("jakarta.ws.rs." + m)).toList();
    private static final Pattern TEMPLATE = Pattern.compile("\\{\\s*([A-Za-z0-9_]+)\\s*(:[^}]*)?}");

    /** A resource method: its HTTP method (or LOCATOR) and its path template, e.g. GET /v1/patients/{id}. */
    record Endpoint(String method, String path, String resource) {

        /** The template with every parameter filled in, e.g. /v1/patients/p1: a path a client could send. */
        String example() {
            Matcher m = TEMPLATE.matcher(path);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                m.appendReplacement(out, Matcher.quoteReplacement(m.group(1).equals("collection") ? "patients" : m.group(1) + "-1"));
            }
            m.appendTail(out);
            return out.toString();
        }

        /** The v1 face and OAuth's token endpoint (API-CORE.md §C2): what the gateway routes. */
        boolean isPublicApi() {
            return isV1() || path.startsWith("/oauth/");
        }

        boolean isV1() {
            return path.equals("/v1") || path.startsWith("/v1/");
        }

        @Override
        public String toString() {
            return method + " " + path + " (" + resource + ")";
        }
    }

    private Endpoints() {
    }

    static List<Endpoint> of(Service service) {
        String root = join(service.property("quarkus.http.root-path").orElse("/"),
                service.property("quarkus.rest.path").orElse("/"));
        IndexView index = service.index();
        Set<Endpoint> found = new LinkedHashSet<>();
        for (AnnotationInstance path : index.getAnnotations(PATH)) {
            if (path.target().kind() != AnnotationTarget.Kind.CLASS) {
                continue;
            }
            ClassInfo resource = path.target().asClass();
            String base = join(root, path.value().asString());
            for (MethodInfo method : methods(index, resource)) {
                String http = HTTP_METHODS.stream().filter(method::hasDeclaredAnnotation).map(n -> n.toString().substring(n.toString().lastIndexOf('.') + 1)).findFirst()
                        .orElse(null);
                AnnotationInstance sub = method.declaredAnnotation(PATH);
                if (http == null && sub == null) {
                    continue;
                }
                found.add(new Endpoint(http == null ? "LOCATOR" : http, sub == null ? base : join(base, sub.value().asString()),
                        resource.simpleName() + "." + method.name()));
            }
        }
        return new ArrayList<>(found);
    }

    /** The collections a service serves: the first segment after /v1 (and after /v1/exports). */
    static Set<String> collections(Service service) {
        Set<String> out = new TreeSet<>();
        for (Endpoint e : of(service)) {
            String[] seg = e.path().split("/");
            if (e.isV1() && seg.length > 2) {
                out.add(seg[2].equals("exports") && seg.length > 3 ? seg[3] : seg[2]);
            }
        }
        return out;
    }

    /** The class's methods and those it inherits from its superclasses and interfaces (as far as the index knows them). */
    private static List<MethodInfo> methods(IndexView index, ClassInfo start) {
        List<MethodInfo> out = new ArrayList<>();
        Set<DotName> seen = new LinkedHashSet<>();
        List<ClassInfo> todo = new ArrayList<>(List.of(start));
        Set<String> signatures = new LinkedHashSet<>();
        while (!todo.isEmpty()) {
            ClassInfo c = todo.remove(0);
            if (!seen.add(c.name())) {
                continue;
            }
            for (MethodInfo m : c.methods()) {
                if (signatures.add(m.name() + m.parameterTypes())) {
                    out.add(m);
                }
            }
            if (c.superName() != null && index.getClassByName(c.superName()) != null) {
                todo.add(index.getClassByName(c.superName()));
            }
            for (DotName i : c.interfaceNames()) {
                if (index.getClassByName(i) != null) {
                    todo.add(index.getClassByName(i));
                }
            }
        }
        return out;
    }

    static String join(String a, String b) {
        String joined = ("/" + a + "/" + b).replaceAll("/+", "/");
        return joined.length() > 1 && joined.endsWith("/") ? joined.substring(0, joined.length() - 1) : joined;
    }
}
