package io.carehub.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The local gateway, {@code deploy/local/nginx.conf.template}, parsed as nginx reads it (directives, blocks, quoted
 * strings) and matched as nginx matches a request: exact locations, then the longest prefix, then the regular
 * expressions in the order they appear (the first match wins) unless the prefix was {@code ^~}. An upstream's service
 * is named by its port placeholder, as {@code deploy/local/up} renders it: {@code @PATIENTS_SERVICE_PORT@} is
 * patients-service's port.
 */
final class NginxGateway {

    static final Path TEMPLATE = Manifests.REPO.resolve("deploy/local/nginx.conf.template");
    private static final Pattern PORT_PLACEHOLDER = Pattern.compile("@([A-Z0-9_]+)_PORT@");

    record Directive(String name, List<String> args, List<Directive> block) {

        List<Directive> children(String name) {
            return block == null ? List.of() : block.stream().filter(d -> d.name.equals(name)).toList();
        }

        Optional<Directive> child(String name) {
            return children(name).stream().findFirst();
        }
    }

    /** Where a request goes: the location that takes it, and its upstream's service (empty: answered by nginx). */
    record Route(Directive location, Optional<String> service) {

        Optional<String> setting(String directive) {
            return location.child(directive).map(d -> String.join(" ", d.args()));
        }

        @Override
        public String toString() {
            return "location " + String.join(" ", location.args()) + service.map(s -> " -> " + s).orElse(" (answered by nginx)");
        }
    }

    private final List<Directive> locations;
    private final Directive http;
    private final Directive server;
    private final Map<String, String> upstreamService = new LinkedHashMap<>();

    private NginxGateway(List<Directive> config) {
        http = config.stream().filter(d -> d.name.equals("http")).findFirst()
                .orElseThrow(() -> new AssertionError(TEMPLATE + ": no http block"));
        for (Directive upstream : http.children("upstream")) {
            List<String> services = new ArrayList<>();
            for (Directive server : upstream.children("server")) {
                Matcher m = PORT_PLACEHOLDER.matcher(server.args().get(0));
                if (m.find()) {
                    services.add(m.group(1).toLowerCase(Locale.ROOT).replace('_', '-'));
                }
            }
            if (services.stream().distinct().count() != 1) {
                throw new AssertionError("upstream " + upstream.args() + " should name one service's port placeholder, has " + services);
            }
            upstreamService.put(upstream.args().get(0), services.get(0));
        }
        List<Directive> servers = http.children("server");
        if (servers.size() != 1) {
            throw new AssertionError(TEMPLATE + ": expected one server block, found " + servers.size());
        }
        server = servers.get(0);
        locations = server.children("location");
    }

    /** A directive's arguments as the location sees it: its own, else the server's, else the http block's. */
    Optional<String> effective(Route route, String directive) {
        return route.setting(directive)
                .or(() -> server.child(directive).map(d -> String.join(" ", d.args())))
                .or(() -> http.child(directive).map(d -> String.join(" ", d.args())));
    }

    /** nginx's time ("600s", "2m", "120") in seconds. */
    static long seconds(String time) {
        Matcher m = Pattern.compile("(\\d+)(ms|s|m|h)?").matcher(time.strip());
        if (!m.matches()) {
            throw new AssertionError("not an nginx time: " + time);
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2) == null ? "s" : m.group(2)) {
            case "ms" -> n / 1000;
            case "m" -> n * 60;
            case "h" -> n * 3600;
            default -> n;
        };
    }

    static NginxGateway load() {
        try {
            return new NginxGateway(parse(Files.readString(TEMPLATE)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Map<String, String> upstreams() {
        return upstreamService;
    }

    List<Directive> locations() {
        return locations;
    }

    Route route(String uri) {
        Directive exact = null;
        Directive prefix = null;
        String prefixValue = "";
        boolean stop = false;
        for (Directive l : locations) {
            List<String> a = l.args();
            if (a.size() == 2 && a.get(0).equals("=") && a.get(1).equals(uri)) {
                exact = l;
            } else if (a.size() == 1 && !a.get(0).startsWith("@") && uri.startsWith(a.get(0)) && a.get(0).length() > prefixValue.length()) {
                prefix = l;
                prefixValue = a.get(0);
                stop = false;
            } else if (a.size() == 2 && a.get(0).equals("^~") && uri.startsWith(a.get(1)) && a.get(1).length() > prefixValue.length()) {
                prefix = l;
                prefixValue = a.get(1);
                stop = true;
            }
        }
        if (exact != null) {
            return route(exact);
        }
        if (!stop) {
            for (Directive l : locations) {
                List<String> a = l.args();
                if (a.size() == 2 && (a.get(0).equals("~") || a.get(0).equals("~*"))) {
                    Pattern p = Pattern.compile(a.get(1), a.get(0).equals("~*") ? Pattern.CASE_INSENSITIVE : 0);
                    if (p.matcher(uri).find()) {
                        return route(l);
                    }
                }
            }
        }
        if (prefix == null) {
            throw new AssertionError(TEMPLATE + ": no location takes " + uri);
        }
        return route(prefix);
    }

    private Route route(Directive location) {
        Optional<String> service = location.child("proxy_pass").map(d -> {
            String target = d.args().get(0).replaceFirst("^https?://", "");
            String upstream = target.replaceFirst("[/:].*$", "");
            String s = upstreamService.get(upstream);
            if (s == null) {
                throw new AssertionError(TEMPLATE + ": proxy_pass " + d.args().get(0) + " names no upstream");
            }
            return s;
        });
        return new Route(location, service);
    }

    // ------------------------------------------------------------------ a small parser of nginx's syntax

    static List<Directive> parse(String text) {
        List<String> tokens = tokens(text);
        int[] at = {0};
        List<Directive> out = block(tokens, at);
        if (at[0] != tokens.size()) {
            throw new AssertionError(TEMPLATE + ": unbalanced '}'");
        }
        return out;
    }

    private static List<Directive> block(List<String> tokens, int[] at) {
        List<Directive> out = new ArrayList<>();
        List<String> words = new ArrayList<>();
        while (at[0] < tokens.size()) {
            String t = tokens.get(at[0]++);
            switch (t) {
                case ";" -> {
                    out.add(new Directive(words.get(0), List.copyOf(words.subList(1, words.size())), null));
                    words.clear();
                }
                case "{" -> {
                    List<Directive> inner = block(tokens, at);
                    out.add(new Directive(words.get(0), List.copyOf(words.subList(1, words.size())), inner));
                    words.clear();
                }
                case "}" -> {
                    return out;
                }
                default -> words.add(t);
            }
        }
        return out;
    }

    private static List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '#') {
                while (i < text.length() && text.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == '{' || c == '}' || c == ';') {
                out.add(String.valueOf(c));
                i++;
            } else if (c == '\'' || c == '"') {
                int end = text.indexOf(c, i + 1);
                out.add(text.substring(i + 1, end));
                i = end + 1;
            } else {
                int start = i;
                // A regex location may hold braces of its own ({n}); nginx reads them as part of the word.
                while (i < text.length() && !Character.isWhitespace(text.charAt(i)) && text.charAt(i) != ';'
                        && !(text.charAt(i) == '{' && (i + 1 >= text.length() || Character.isWhitespace(text.charAt(i + 1))))) {
                    i++;
                }
                out.add(text.substring(start, i));
            }
        }
        return out;
    }
}
