package io.carehub.commons.collection;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.carehub.commons.errors.ApiError;
import io.carehub.commons.errors.ApiException;
import io.smallrye.mutiny.Uni;

/**
 * A collection's field names on the core face (API-CORE.md §C4): v1 name → camelCase name. What a service answers in
 * v1 names (an error's path and detail, {@code .coach_id}) the core face says in its own ({@code .coachId}).
 */
public final class CoreNames {

    /** The core face's name of a record's patient (API-CORE.md §C4), {@code user_id} on the v1 face everywhere. */
    private static final String PATIENT_ID = "patientId";
    private static final Pattern CAPITAL = Pattern.compile("(?<=[a-z0-9])([A-Z])");

    private final Map<String, String> names;
    private final Map<String, String> v1Names = new LinkedHashMap<>();
    private final Pattern v1Words;

    public CoreNames(Map<String, String> names) {
        this.names = new LinkedHashMap<>(names);
        names.forEach((v1, core) -> v1Names.put(core, v1));
        this.v1Words = Pattern.compile("\\b(" + String.join("|", names.keySet().stream().map(Pattern::quote).toList()) + ")\\b");
    }

    /**
     * The v1 name of a field the core face names {@code coreName}: the collection's own, else {@code user_id} for
     * {@code patientId}, else its snake_case ({@code createdAt} → {@code created_at}). What a role's rule may name it by.
     */
    public String v1(String coreName) {
        String v1 = v1Names.get(coreName);
        return v1 != null ? v1 : PATIENT_ID.equals(coreName) ? "user_id" : snakeCase(coreName);
    }

    /** {@code startTime} → {@code start_time}. */
    public static String snakeCase(String camelCase) {
        return CAPITAL.matcher(camelCase).replaceAll(m -> "_" + m.group(1).toLowerCase(java.util.Locale.ROOT));
    }

    /** The service's failures in the core face's names. */
    public <T> Uni<T> of(Uni<T> call) {
        return call.onFailure(ApiException.class).transform(e -> of((ApiException) e));
    }

    /**
     * The service's failures in the core face's names, a reference error at the v1 field {@code pathField} (what the
     * core face names in its path, e.g. the patient of {@code /patients/{patientId}/...}) answered {@code 404}: a
     * path that names nothing is not found, like any other.
     */
    public <T> Uni<T> of(Uni<T> call, String pathField) {
        String path = "." + pathField;
        return of(call).onFailure(e -> e instanceof ApiException a && a.errors().stream()
                .anyMatch(err -> path.equals(err.extra().get("path")))).transform(e -> ApiException.notFound());
    }

    /** A v1 failure as the core face says it: {@code .coach_id} → {@code .coachId}, in the path and the detail. */
    public ApiException of(ApiException e) {
        return e.map(error -> {
            Map<String, Object> extra = new LinkedHashMap<>(error.extra());
            if (extra.get("path") instanceof String path) {
                extra.put("path", words(path));
            }
            return new ApiError(error.status(), error.code(), error.title(),
                    error.detail() == null ? null : words(error.detail()), Map.copyOf(extra));
        });
    }

    private String words(String text) {
        Matcher m = v1Words.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(names.get(m.group(1))));
        }
        m.appendTail(out);
        return out.toString();
    }
}
