package io.carehub.patients.program;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import io.carehub.commons.paging.Filter;
import io.carehub.commons.validation.Field;
import io.carehub.commons.validation.FieldType;
import io.carehub.commons.validation.Fields;
import io.carehub.commons.validation.Schema;
import io.carehub.commons.validation.Types;
import io.carehub.commons.validation.Violations;

/** What a program definition request may hold (API-CORE.md §C7), and how it is applied to a program. */
public final class ProgramFields {

    public static final String COLLECTION = "programs";
    static final int MAX_PHASES = 100;

    /** A program's or a phase's name: lowercase letters, digits and underscores, as paths name them. */
    static final FieldType NAME = Types.matching(Pattern.compile("^[a-z0-9_]{1,64}$"), 64,
            "must be 1 to 64 lowercase letters, digits and underscores, e.g. onboarding");

    private static final Schema PHASE = Schema.of(
            Field.of("name", NAME).required(),
            Field.of("title", Types.STRING),
            Field.of("kind", Types.enumOf(ProgramPhase.START, ProgramPhase.STEP, ProgramPhase.FINISH)).required(),
            Field.of("next", Types.listOf(NAME)));

    static final Schema SCHEMA = Schema.of(
            Field.of("name", NAME).required().createOnly(),
            Field.of("title", Types.STRING),
            Field.of("description", Types.STRING),
            Field.of("phases", Types.listOf(Types.object(PHASE), MAX_PHASES)).required());

    static final List<Filter> FILTERS = List.of(Filter.of("name", Types.NON_EMPTY_STRING, "name"));

    /** The core face's names (API-CORE.md §C4): the same words. */
    static final Map<String, String> CORE_NAMES = coreNames();
    static final Map<String, String> CORE_SORTABLE = Map.of("name", "name");

    /** The columns of the export, in a stable order: new ones are appended, never reordered. */
    static final List<String> COLUMNS = List.of("id", "name", "title", "description", "phases", "created_at", "updated_at");

    private ProgramFields() {
    }

    private static Map<String, String> coreNames() {
        Map<String, String> names = new LinkedHashMap<>();
        List.of("name", "title", "description", "phases").forEach(n -> names.put(n, n));
        return names;
    }

    static void apply(Fields fields, Program program) {
        if (fields.has("name")) {
            program.name = fields.string("name");
        }
        if (fields.has("title")) {
            program.title = fields.string("title");
        }
        if (fields.has("description")) {
            program.description = fields.string("description");
        }
    }

    /**
     * The {@code phases} of a valid body as stored, after the rules between them that the schema cannot state: names
     * unique, exactly one {@code start}, at least one {@code finish}, a finish phase leads nowhere, every {@code next}
     * names a phase of the program. Each error at its path ({@code .phases[2].next[0]}).
     */
    static JsonNode checkedPhases(List<Fields> phases) {
        Violations out = new Violations();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < phases.size(); i++) {
            String name = phases.get(i).string("name");
            Integer first = seen.putIfAbsent(name, i);
            if (first != null) {
                out.bad(".phases[" + i + "].name", "phases[" + i + "].name repeats phases[" + first + "].name, " + name);
            }
        }
        List<ProgramPhase> stored = new ArrayList<>();
        int starts = 0;
        int finishes = 0;
        for (int i = 0; i < phases.size(); i++) {
            Fields p = phases.get(i);
            String kind = p.string("kind");
            starts += ProgramPhase.START.equals(kind) ? 1 : 0;
            finishes += ProgramPhase.FINISH.equals(kind) ? 1 : 0;
            List<String> next = List.copyOf(new LinkedHashSet<>(p.<String>list("next")));
            if (ProgramPhase.FINISH.equals(kind) && !next.isEmpty()) {
                out.bad(".phases[" + i + "].next", "a finish phase ends the program: it has no next");
            }
            List<String> named = p.list("next");
            for (int j = 0; j < named.size(); j++) {
                if (!seen.containsKey(named.get(j))) {
                    out.bad(".phases[" + i + "].next[" + j + "]", "next[" + j + "] names " + named.get(j)
                            + ", which is not a phase of this program");
                }
            }
            stored.add(new ProgramPhase(p.string("name"), p.string("title"), kind, next));
        }
        if (starts != 1) {
            out.bad(".phases", "a program has exactly one start phase; this one has " + starts);
        }
        if (finishes == 0) {
            out.bad(".phases", "a program has at least one finish phase");
        }
        out.throwIfAny();
        return ProgramPhase.canonical(stored);
    }

    static List<Object> row(Program p) {
        return Arrays.asList(p.id, p.name, p.title, p.description, p.phasesInOrder().toString(), p.createdAt, p.updatedAt);
    }
}
