package io.carehub.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.AnnotationTarget;
import org.jboss.jandex.AnnotationValue;
import org.jboss.jandex.ClassInfo;
import org.jboss.jandex.DotName;
import org.jboss.jandex.IndexView;
import org.jboss.jandex.MethodInfo;
import org.jboss.jandex.Type;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.carehub.deploy.Expressions.Expression;
import io.carehub.deploy.Services.Service;

/**
 * Everything a service reads that has no usable default in the cluster is given to its Deployment. Read from the
 * service's own configuration (application.properties over platform-commons' defaults, prod profile) and code:
 * <ul>
 * <li>a variable of an expression ({@code ${DB_HOST:localhost}}) with no default, an empty one, or one that names this
 * machine (localhost, 127.0.0.1: right for the local platform, wrong in a pod) must be in the container's
 * environment;</li>
 * <li>a property the code injects without a default ({@code @ConfigProperty}, {@code @ConfigMapping} members without
 * {@code @WithDefault} that are not {@code Optional}) must be in the configuration or the environment.</li>
 * </ul>
 */
class ConfigurationTests {

    /** Variables whose empty default is the wanted value in a cluster too, and why. */
    private static final Map<String, String> EMPTY_IS_RIGHT = Map.of(
            "WEBHOOK_INSTANCE_ID", "empty: each notifier replica names itself at random in its leases, as replicas must");

    private static final DotName CONFIG_PROPERTY = DotName.createSimple("org.eclipse.microprofile.config.inject.ConfigProperty");
    private static final DotName CONFIG_MAPPING = DotName.createSimple("io.smallrye.config.ConfigMapping");
    private static final DotName WITH_DEFAULT = DotName.createSimple("io.smallrye.config.WithDefault");
    private static final DotName WITH_NAME = DotName.createSimple("io.smallrye.config.WithName");
    private static final String UNCONFIGURED = "org.eclipse.microprofile.config.configproperty.unconfigureddvalue";
    private static final Set<String> OPTIONAL_TYPES = Set.of("java.util.Optional", "java.util.OptionalInt", "java.util.OptionalLong",
            "java.util.OptionalDouble", "jakarta.inject.Provider", "jakarta.enterprise.inject.Instance",
            "io.smallrye.config.ConfigValue", "java.util.Map", "java.util.List", "java.util.Set");

    /** The variables a service needs from its environment in a cluster, each with the property that reads it. */
    static Map<String, String> requiredVariables(Service s) {
        Map<String, String> out = new java.util.TreeMap<>();
        for (Map.Entry<String, String> e : s.config().entrySet()) {
            collect(s, e.getKey(), Expressions.parse(e.getValue()), out);
        }
        return out;
    }

    private static void collect(Service s, String property, List<Expression> expressions, Map<String, String> out) {
        for (Expression x : expressions) {
            if (s.config().containsKey(x.name())) {
                continue; // another property of the same configuration
            }
            String literal = x.literalDefault();
            boolean local = literal.contains("localhost") || literal.contains("127.0.0.1");
            boolean empty = x.hasDefault() && x.fallback().isEmpty();
            if (!x.hasDefault() || local || empty && !EMPTY_IS_RIGHT.containsKey(x.name())) {
                out.put(x.name(), property + "=" + s.config().get(property));
            }
            collect(s, property, x.nested(), out);
        }
    }

    @Test
    void everyVariableWithoutAUsableDefaultIsGivenToTheDeployment() {
        for (String variant : Manifests.variants()) {
            Manifests m = Manifests.of(variant);
            Problems p = new Problems();
            for (Service s : Services.all()) {
                JsonNode d = m.get("Deployment", s.name());
                Env env = Env.of(m, d);
                requiredVariables(s).forEach((variable, property) -> p.check(env.has(variable),
                        s + " reads " + variable + " (" + property + ") and has no usable default in a cluster; its Deployment does not set it"));
            }
            p.assertNone(variant + ": configuration");
        }
    }

    @Test
    void thereAreVariablesToCheck() {
        // The reading of expressions works: every service takes at least its database and Kafka from the environment.
        for (Service s : Services.all()) {
            Map<String, String> required = requiredVariables(s);
            if (!required.keySet().containsAll(Set.of("DB_HOST", "KAFKA_BOOTSTRAP_SERVERS", "DB_PASSWORD"))) {
                throw new AssertionError(s + ": expected DB_HOST, DB_PASSWORD and KAFKA_BOOTSTRAP_SERVERS among " + required.keySet());
            }
        }
    }

    @Test
    void everyPropertyTheCodeReadsWithoutADefaultIsConfigured() {
        Problems p = new Problems();
        for (Service s : Services.all()) {
            for (String key : propertiesReadWithoutDefault(s.index())) {
                String variable = key.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
                p.check(s.config().containsKey(key) || environmentSetsEverywhere(s, variable),
                        s + " reads " + key + " without a default; neither its configuration nor its Deployment (" + variable + ") sets it");
            }
        }
        p.assertNone("properties read by the code");
    }

    private static boolean environmentSetsEverywhere(Service s, String variable) {
        for (String variant : Manifests.variants()) {
            if (!Env.of(Manifests.of(variant), Manifests.of(variant).get("Deployment", s.name())).has(variable)) {
                return false;
            }
        }
        return true;
    }

    /** The keys the code injects with no default and not as an Optional (or Map, List...). */
    static Set<String> propertiesReadWithoutDefault(IndexView index) {
        Set<String> out = new TreeSet<>();
        for (AnnotationInstance a : index.getAnnotations(CONFIG_PROPERTY)) {
            AnnotationValue name = a.value("name");
            AnnotationValue dflt = a.value("defaultValue");
            if (name == null || dflt != null && !dflt.asString().equals(UNCONFIGURED)) {
                continue;
            }
            Type type = switch (a.target().kind()) {
                case FIELD -> a.target().asField().type();
                case METHOD_PARAMETER -> a.target().asMethodParameter().type();
                default -> null;
            };
            if (type != null && !OPTIONAL_TYPES.contains(type.name().toString())) {
                out.add(name.asString());
            }
        }
        for (AnnotationInstance a : index.getAnnotations(CONFIG_MAPPING)) {
            if (a.target().kind() == AnnotationTarget.Kind.CLASS) {
                mapping(index, a.target().asClass(), a.value("prefix").asString(), out, new ArrayList<>());
            }
        }
        return out;
    }

    private static void mapping(IndexView index, ClassInfo type, String prefix, Set<String> out, List<DotName> path) {
        if (path.contains(type.name())) {
            return;
        }
        path.add(type.name());
        for (MethodInfo m : type.methods()) {
            if (m.parametersCount() > 0 || java.lang.reflect.Modifier.isStatic(m.flags()) || m.isDefault()
                    || m.hasDeclaredAnnotation(WITH_DEFAULT)) {
                continue;
            }
            String name = m.hasDeclaredAnnotation(WITH_NAME) ? m.declaredAnnotation(WITH_NAME).value().asString() : kebab(m.name());
            Type r = m.returnType();
            if (OPTIONAL_TYPES.contains(r.name().toString())) {
                continue;
            }
            ClassInfo group = index.getClassByName(r.name());
            if (group != null && group.isInterface()) {
                mapping(index, group, prefix + "." + name, out, path);
            } else if (r.kind() == Type.Kind.PRIMITIVE || r.name().toString().startsWith("java.")) {
                out.add(prefix + "." + name);
            }
        }
        path.remove(type.name());
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }
}
