package io.carehub.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import org.jboss.jandex.Index;
import org.jboss.jandex.IndexView;
import org.jboss.jandex.Indexer;
import org.jboss.jandex.CompositeIndex;

/**
 * The services as their own build made them: every jar (or classes folder) on this module's test class path that
 * holds an {@code application.properties} naming {@code quarkus.application.name}, with platform-commons beside
 * them. Nothing here is a list typed by hand: a new service appears once it is a dependency of this module (and
 * {@link DeploymentsTests} fails until it is).
 */
final class Services {

    /** One service: its name, its configuration as the prod profile sees it, its classes (with the commons'). */
    record Service(String name, Path artifact, Map<String, String> config, IndexView index) {

        Optional<String> property(String key) {
            return Optional.ofNullable(config.get(key));
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private static List<Service> all;
    private static Path commons;

    private Services() {
    }

    static synchronized List<Service> all() {
        if (all == null) {
            load();
        }
        return all;
    }

    static Service named(String name) {
        return all().stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no service " + name + " among " + all()));
    }

    /** The platform-commons artifact (its configuration defaults and shared resources). */
    static synchronized Path commons() {
        all();
        return commons;
    }

    private static void load() {
        List<Path> entries = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            entries.add(Path.of(entry));
        }
        Path commonsEntry = null;
        Map<String, Path> serviceEntries = new TreeMap<>();
        for (Path entry : entries) {
            if (!Files.exists(entry)) {
                continue;
            }
            if (read(entry, "io/carehub/commons/outbox/Outbox.class") != null) {
                commonsEntry = entry;
                continue;
            }
            byte[] props = read(entry, "application.properties");
            if (props == null || !hasCarehubClasses(entry)) {
                continue;
            }
            Properties p = properties(props);
            String name = p.getProperty("quarkus.application.name");
            if (name != null) {
                serviceEntries.put(name, entry);
            }
        }
        if (commonsEntry == null) {
            throw new AssertionError("platform-commons is not on the test class path");
        }
        commons = commonsEntry;
        Properties commonsConfig = properties(read(commonsEntry, "META-INF/microprofile-config.properties"));
        Index commonsIndex = index(commonsEntry);
        List<Service> found = new ArrayList<>();
        for (Map.Entry<String, Path> e : serviceEntries.entrySet()) {
            Properties own = properties(read(e.getValue(), "application.properties"));
            found.add(new Service(e.getKey(), e.getValue(), prodConfig(commonsConfig, own),
                    CompositeIndex.create(index(e.getValue()), commonsIndex)));
        }
        all = Collections.unmodifiableList(found);
    }

    /**
     * The configuration the prod profile sees: platform-commons' defaults, then the service's own file, each with
     * its {@code %prod.} keys winning and other profiles' keys left out (the environment comes on top, in the cluster).
     */
    static Map<String, String> prodConfig(Properties... layers) {
        Map<String, String> config = new TreeMap<>();
        for (Properties layer : layers) {
            Map<String, String> prod = new LinkedHashMap<>();
            for (String key : layer.stringPropertyNames()) {
                if (key.startsWith("%prod.")) {
                    prod.put(key.substring("%prod.".length()), layer.getProperty(key));
                } else if (!key.startsWith("%")) {
                    config.put(key, layer.getProperty(key));
                }
            }
            config.putAll(prod);
        }
        return Collections.unmodifiableMap(config);
    }

    static Properties properties(byte[] bytes) {
        Properties p = new Properties();
        if (bytes != null) {
            try {
                p.load(new StringReader(new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return p;
    }

    private static boolean hasCarehubClasses(Path entry) {
        if (Files.isDirectory(entry)) {
            return Files.isDirectory(entry.resolve("io/carehub"));
        }
        try (JarFile jar = new JarFile(entry.toFile())) {
            return jar.stream().anyMatch(e -> e.getName().startsWith("io/carehub/") && e.getName().endsWith(".class"));
        } catch (IOException e) {
            return false;
        }
    }

    /** A file of a jar or a classes folder, or null. */
    static byte[] read(Path entry, String name) {
        try {
            if (Files.isDirectory(entry)) {
                Path file = entry.resolve(name);
                return Files.isRegularFile(file) ? Files.readAllBytes(file) : null;
            }
            if (!entry.toString().endsWith(".jar")) {
                return null;
            }
            try (JarFile jar = new JarFile(entry.toFile())) {
                JarEntry e = jar.getJarEntry(name);
                if (e == null || e.isDirectory()) {
                    return null;
                }
                try (InputStream in = jar.getInputStream(e)) {
                    return in.readAllBytes();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A Jandex index of every io/carehub class of the entry. */
    private static Index index(Path entry) {
        Indexer indexer = new Indexer();
        try {
            if (Files.isDirectory(entry)) {
                try (Stream<Path> files = Files.walk(entry)) {
                    for (Path f : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                        try (InputStream in = Files.newInputStream(f)) {
                            indexer.index(in);
                        }
                    }
                }
            } else {
                try (JarFile jar = new JarFile(entry.toFile())) {
                    for (JarEntry e : Collections.list(jar.entries())) {
                        if (e.getName().startsWith("io/carehub/") && e.getName().endsWith(".class")) {
                            try (InputStream in = jar.getInputStream(e)) {
                                indexer.index(in);
                            }
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return indexer.complete();
    }
}
