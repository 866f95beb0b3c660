package io.carehub.deploy;

import java.util.ArrayList;
import java.util.List;

/**
 * The property expressions of a configuration value, as SmallRye Config reads them: {@code ${NAME}},
 * {@code ${NAME:default}}, defaults that hold expressions themselves ({@code ${A:${B:x}/y}}), and {@code $${...}}
 * (an escaped, literal one).
 */
final class Expressions {

    /** {@code ${name:default}}; {@code fallback} is null when there is no {@code :}. */
    record Expression(String name, String fallback) {

        boolean hasDefault() {
            return fallback != null;
        }

        /** The default's own text, without the expressions nested in it. */
        String literalDefault() {
            return fallback == null ? "" : strip(fallback);
        }

        List<Expression> nested() {
            return fallback == null ? List.of() : parse(fallback);
        }
    }

    private Expressions() {
    }

    static List<Expression> parse(String value) {
        List<Expression> out = new ArrayList<>();
        int i = 0;
        while (i < value.length()) {
            if (value.startsWith("$${", i)) {
                i = end(value, i + 3) + 1;
                continue;
            }
            if (value.startsWith("${", i)) {
                int close = end(value, i + 2);
                String body = value.substring(i + 2, close);
                int colon = topLevelColon(body);
                out.add(colon < 0 ? new Expression(body, null) : new Expression(body.substring(0, colon), body.substring(colon + 1)));
                i = close + 1;
                continue;
            }
            i++;
        }
        return out;
    }

    /** The text with every expression taken out. */
    static String strip(String value) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < value.length()) {
            if (value.startsWith("${", i) || value.startsWith("$${", i)) {
                i = end(value, value.indexOf('{', i) + 1) + 1;
                continue;
            }
            out.append(value.charAt(i++));
        }
        return out.toString();
    }

    /** The index of the '}' closing the expression whose body starts at {@code from}. */
    private static int end(String value, int from) {
        int depth = 1;
        for (int i = from; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '{' && i > 0 && value.charAt(i - 1) == '$') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return i;
            }
        }
        throw new AssertionError("unclosed property expression in: " + value);
    }

    private static int topLevelColon(String body) {
        int depth = 0;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth--;
            } else if (c == ':' && depth == 0) {
                return i;
            }
        }
        return -1;
    }
}
