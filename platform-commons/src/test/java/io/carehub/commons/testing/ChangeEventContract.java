package io.carehub.commons.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.AnnotationKeyword;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/**
 * The change events as {@code docs/asyncapi.yaml} describes them to Kafka consumers. {@link #validate} checks one
 * record of a change topic against the message of the document's channel with that address: the key against the
 * message's Kafka key schema, the value against its payload schema (JSON Schema draft-07, the base of AsyncAPI's
 * schema format), and what a schema cannot say, which the document states in words: the key, {@code subject} and
 * {@code data.id} are one resource id, and {@code type} is {@code data.resource + "." + data.operation}.
 * <p>
 * The document is found by walking up from the working directory (a module's tests run in the module) to the
 * repository root. Validation needs {@code com.networknt:json-schema-validator} on the test classpath: a module whose
 * tests use this declares it in test scope, as platform-commons does.
 */
public final class ChangeEventContract {

    /** Where the document is, from the repository root. */
    public static final String DOCUMENT = "docs/asyncapi.yaml";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static volatile ChangeEventContract repository;

    private final Path location;
    private final JsonNode document;
    private final JsonSchemaFactory factory = schemaFactory();
    private final SchemaValidatorsConfig config = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true).pathType(PathType.JSON_PATH).build();
    private final Map<String, JsonSchema> schemas = new ConcurrentHashMap<>();

    private ChangeEventContract(Path location) {
        this.location = location;
        try {
            this.document = new YAMLMapper().readTree(location.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + location, e);
        }
    }

    /** The repository's document, read once. */
    public static ChangeEventContract load() {
        if (repository == null) {
            synchronized (ChangeEventContract.class) {
                if (repository == null) {
                    repository = new ChangeEventContract(find());
                }
            }
        }
        return repository;
    }

    /**
     * JSON Schema draft-07, reading what is not one of its keywords (AsyncAPI's own members around the schemas:
     * {@code channels}, {@code servers}, ...; {@code example} in the AsyncAPI schema) as an annotation, without a
     * warning for each.
     */
    public static JsonSchemaFactory schemaFactory() {
        JsonMetaSchema draft7 = JsonMetaSchema.builder(JsonMetaSchema.getV7())
                .unknownKeywordFactory((keyword, context) -> new AnnotationKeyword(keyword)).build();
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7, factory -> factory.metaSchema(draft7));
    }

    /**
     * Fails, naming the topic, every violation and the record, unless the record ({@code key}, {@code value}) is one
     * that the document allows on {@code topic}.
     */
    public static void validate(String topic, String key, String value) {
        List<String> violations = load().violations(topic, key, value);
        if (!violations.isEmpty()) {
            throw new AssertionError("change event on " + topic + " does not conform to " + DOCUMENT + ":\n  "
                    + String.join("\n  ", violations) + "\nkey:   " + key + "\nvalue: " + value);
        }
    }

    /** What is wrong with the record on {@code topic}; empty when nothing is. */
    public List<String> violations(String topic, String key, String value) {
        String channel = channelOf(topic);
        if (channel == null) {
            return List.of("no channel of " + DOCUMENT + " has the address " + topic + " (there are " + addresses() + ")");
        }
        JsonNode event;
        try {
            event = value == null ? null : JSON.readTree(value);
        } catch (JsonProcessingException e) {
            return List.of("the value is not JSON: " + e.getOriginalMessage());
        }
        if (event == null || event.isMissingNode()) {
            return List.of("the value is empty (the platform writes no tombstones)");
        }
        // A channel's messages are alternatives: the record conforms when it is one of them.
        List<String> messages = messagesOf(channel);
        List<String> violations = new ArrayList<>();
        for (String message : messages) {
            List<String> failed = against(message, key, event);
            if (failed.isEmpty()) {
                return List.of();
            }
            failed.forEach(f -> violations.add(messages.size() == 1 ? f : message + ": " + f));
        }
        return violations;
    }

    /** The violations of the record against the message at the JSON pointer {@code message}. */
    private List<String> against(String message, String key, JsonNode event) {
        List<String> violations = new ArrayList<>();
        String keySchema = resolve(resolve(message + "/bindings") + "/kafka/key");
        if (document.at(keySchema).isMissingNode()) {
            violations.add(message + " has no Kafka key schema (bindings.kafka.key)");
        } else if (key == null) {
            violations.add("key: missing (it is the resource id)");
        } else {
            for (ValidationMessage m : schema(keySchema).validate(TextNode.valueOf(key))) {
                violations.add("key" + m.getMessage().substring(m.getInstanceLocation().toString().length()));
            }
        }
        schema(resolve(message + "/payload")).validate(event).forEach(m -> violations.add(m.getMessage()));
        JsonNode subject = event.path("subject");
        if (key != null && !key.equals(subject.asText(null))) {
            violations.add("key: " + key + " is not the subject " + subject);
        }
        if (!subject.equals(event.path("data").path("id"))) {
            violations.add("$.data.id: " + event.path("data").path("id") + " is not the subject " + subject);
        }
        String type = event.path("data").path("resource").asText() + "." + event.path("data").path("operation").asText();
        if (!type.equals(event.path("type").asText(null))) {
            violations.add("$.type: " + event.path("type") + " is not data.resource + \".\" + data.operation (" + type + ")");
        }
        return violations;
    }

    /** The violations of {@code value} against the JSON Schema at the JSON pointer {@code pointer}. */
    public List<String> violationsOfSchema(String pointer, JsonNode value) {
        return schema(resolve(pointer)).validate(value).stream().map(ValidationMessage::getMessage).toList();
    }

    /** The name of the channel whose address is {@code topic}, or null. */
    public String channelOf(String topic) {
        for (var channel : document.path("channels").properties()) {
            if (topic.equals(document.at(resolve("/channels/" + channel.getKey())).path("address").asText(null))) {
                return channel.getKey();
            }
        }
        return null;
    }

    /** The JSON pointers of the channel's messages, references followed. */
    public List<String> messagesOf(String channel) {
        String at = resolve("/channels/" + channel);
        List<String> messages = new ArrayList<>();
        document.at(at + "/messages").fieldNames().forEachRemaining(m -> messages.add(resolve(at + "/messages/" + m)));
        return messages;
    }

    /** Every channel's address, e.g. {@code patients-service.changes}. */
    public List<String> addresses() {
        List<String> addresses = new ArrayList<>();
        document.path("channels").fieldNames()
                .forEachRemaining(c -> addresses.add(document.at(resolve("/channels/" + c)).path("address").asText()));
        return addresses;
    }

    /** Where the JSON pointer {@code pointer} leads once its {@code $ref}s are followed (local ones, all the document has). */
    public String resolve(String pointer) {
        String at = pointer;
        for (int hops = 0; hops < 20; hops++) {
            JsonNode ref = document.at(at).path("$ref");
            if (!ref.isTextual()) {
                return at;
            }
            if (!ref.textValue().startsWith("#/")) {
                throw new IllegalStateException(DOCUMENT + " at " + at + ": only local references are followed, not " + ref);
            }
            at = ref.textValue().substring(1);
        }
        throw new IllegalStateException(DOCUMENT + ": a cycle of references from " + pointer);
    }

    public JsonNode document() {
        return document;
    }

    public Path location() {
        return location;
    }

    /** The schema at {@code pointer}, loaded from the document itself so that its own references resolve. */
    private JsonSchema schema(String pointer) {
        return schemas.computeIfAbsent(pointer, p -> factory.getSchema(SchemaLocation.of(location.toUri() + "#" + p), config));
    }

    private static Path find() {
        Path start = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(DOCUMENT);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("no " + DOCUMENT + " in " + start + " or any folder above it");
    }
}
