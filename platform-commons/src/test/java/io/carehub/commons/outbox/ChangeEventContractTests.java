package io.carehub.commons.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.ValidationMessage;

import io.carehub.commons.security.ApiCollections;
import io.carehub.commons.testing.ChangeEventContract;
import io.carehub.commons.testing.TestChangeEvents;
import io.carehub.commons.web.Timestamps;

/**
 * {@code docs/asyncapi.yaml}, the change topics as Kafka consumers read them: a well-formed AsyncAPI 3.0.0 document, in
 * step with the code (every collection of {@link ApiCollections} on its owner's topic, deletes exactly where there are
 * deletes, the operations of {@link ChangeOperation}), and a {@link ChangeEventContract} that takes the events the
 * outbox writes and refuses any other.
 */
class ChangeEventContractTests {

    /** API.md §4: who owns which collection. */
    static final Map<String, List<String>> OWNERS = new LinkedHashMap<>();
    static {
        OWNERS.put("patients-service", List.of("patients", "phone_numbers", "email_addresses", "external_ids",
                "custom_data_type_records", "integration_tasks", "custom_data_types", "programs", "patient_programs",
                "phase_changes"));
        OWNERS.put("scheduling-service", List.of("workers", "calendars", "calendar_events"));
        OWNERS.put("messaging-service", List.of("conversations", "messages"));
        OWNERS.put("assessments-service", List.of("assessment_responses", "care_flows", "patient_tasks", "encounters",
                "forms"));
        OWNERS.put("notifier-service", List.of("api_clients", "webhook_subscriptions", "security_policies", "roles"));
    }

    static final String TOPIC = "patients-service.changes";

    final ChangeEventContract contract = ChangeEventContract.load();
    final JsonNode document = contract.document();
    final UUID id = UUID.randomUUID();

    @Test
    void theDocumentIsAnAsyncApi300DocumentByTheSpecificationsOwnSchema() throws Exception {
        // The AsyncAPI Initiative's JSON Schema of 3.0.0 (src/test/resources/asyncapi/README.md says where it comes from).
        try (InputStream schema = getClass().getResourceAsStream("/asyncapi/asyncapi-3.0.0.schema.json")) {
            Set<ValidationMessage> violations = ChangeEventContract.schemaFactory()
                    .getSchema(schema, SchemaValidatorsConfig.builder().pathType(PathType.JSON_PATH).build())
                    .validate(document);
            assertEquals(List.of(), violations.stream().map(ValidationMessage::getMessage).toList());
        }
        assertEquals("3.0.0", document.path("asyncapi").asText());
        assertTrue(contract.location().endsWith(ChangeEventContract.DOCUMENT), contract.location().toString());
    }

    @Test
    void hasOneCompactedChannelPerServiceWithOneSendAndOneReceiveOperation() {
        assertEquals(OWNERS.keySet().stream().map(s -> s + ".changes").toList(), contract.addresses());
        for (String service : OWNERS.keySet()) {
            String channel = contract.channelOf(service + ".changes");
            JsonNode bindings = document.at(contract.resolve("/channels/" + channel + "/bindings"));
            assertEquals("[\"compact\"]", bindings.at("/kafka/topicConfiguration/cleanup.policy").toString(), channel);
            List<String> actions = new ArrayList<>();
            document.path("operations").forEach(operation -> {
                if (operation.at("/channel/$ref").asText().equals("#/channels/" + channel)) {
                    actions.add(operation.path("action").asText());
                }
            });
            assertEquals(List.of("send", "receive"), actions, channel);
            assertEquals(1, contract.messagesOf(channel).size(), channel);
        }
        assertEquals(2, document.path("servers").size(), "the local broker and the one in Kubernetes");
    }

    @Test
    void putsEveryCollectionOnItsOwnersTopicWithDeletesExactlyWhereThereAreDeletes() {
        Set<String> documented = new TreeSet<>();
        for (var owner : OWNERS.entrySet()) {
            String service = owner.getKey();
            JsonNode constraints = topicConstraints(service);
            assertEquals("/" + service, constraints.at("/source/const").asText(), service);
            List<String> resources = texts(constraints.at("/data/properties/resource/enum"));
            assertEquals(owner.getValue(), resources, service);
            documented.addAll(resources);
            for (String type : texts(constraints.at("/type/enum"))) {
                String collection = type.substring(0, type.lastIndexOf('.'));
                String operation = type.substring(type.lastIndexOf('.') + 1);
                assertTrue(resources.contains(collection), type + " is not of " + service);
                assertTrue(Arrays.stream(ChangeOperation.values()).anyMatch(o -> o.wireName().equals(operation)), type);
                assertTrue(ApiCollections.hasDeletes(collection) || !operation.equals("deleted"), type);
            }
            for (String collection : resources) {
                List<String> types = texts(constraints.at("/type/enum"));
                assertTrue(types.contains(collection + ".created"), collection);
                assertEquals(ApiCollections.hasDeletes(collection), types.contains(collection + ".deleted"), collection);
            }
        }
        assertEquals(new TreeSet<>(ApiCollections.ALL), documented, "every collection, each on one topic");
        assertEquals(Arrays.stream(ChangeOperation.values()).map(ChangeOperation::wireName).toList(),
                texts(document.at("/components/schemas/ChangeData/properties/operation/enum")));
    }

    @Test
    void everyExampleOfTheDocumentConformsToIt() {
        int examples = 0;
        for (String topic : contract.addresses()) {
            for (String message : contract.messagesOf(contract.channelOf(topic))) {
                for (JsonNode example : document.at(message + "/examples")) {
                    JsonNode payload = example.path("payload");
                    assertEquals(List.of(), contract.violations(topic, payload.path("subject").asText(), payload.toString()),
                            message + " " + example.path("name"));
                    examples++;
                }
            }
        }
        assertEquals(5, examples);
    }

    @Test
    void acceptsEveryEventTheDocumentListsAsTheOutboxWritesIt() {
        for (String service : OWNERS.keySet()) {
            for (String type : texts(topicConstraints(service).at("/type/enum"))) {
                String collection = type.substring(0, type.lastIndexOf('.'));
                String operation = type.substring(type.lastIndexOf('.') + 1);
                ObjectNode event = TestChangeEvents.changeEvent(service, "acme", collection, id, operation);
                ChangeEventContract.validate(service + ".changes", id.toString(), event.toString());
            }
        }
        // The timestamps as the outbox formats them.
        ObjectNode now = event(e -> {
            e.put("time", Timestamps.format(Timestamps.now()));
            data(e).put("updated_at", Timestamps.format(Instant.parse("2018-09-12T01:27:32Z")));
        });
        assertEquals(List.of(), contract.violations(TOPIC, id.toString(), now.toString()));
    }

    @Test
    void refusesASourceThatIsNotTheTopicsService() {
        assertRefused(event(e -> e.put("source", "/scheduling-service")), "$.source: must be the constant value '/patients-service'");
    }

    @Test
    void refusesACollectionOfAnotherService() {
        String event = TestChangeEvents.changeEvent("patients-service", "acme", "workers", id, "created").toString();
        List<String> violations = contract.violations(TOPIC, id.toString(), event);
        assertTrue(violations.stream().anyMatch(v -> v.startsWith("$.type: does not have a value in the enumeration")), violations::toString);
        assertTrue(violations.stream().anyMatch(v -> v.startsWith("$.data.resource: does not have a value in the enumeration")),
                violations::toString);
    }

    @Test
    void refusesADeleteOfACollectionWithoutDelete() {
        String event = TestChangeEvents.changeEvent("patients-service", "acme", "patients", id, "deleted").toString();
        List<String> violations = contract.violations(TOPIC, id.toString(), event);
        assertEquals(1, violations.size(), violations::toString);
        assertTrue(violations.get(0).startsWith("$.type: does not have a value in the enumeration [\"patients.created\", "
                + "\"patients.updated\", \"phone_numbers.created\""), violations::toString);
    }

    @Test
    void refusesAMissingTenant() {
        assertRefused(event(e -> data(e).remove("tenant")), "$.data: required property 'tenant' not found");
        assertRefused(event(e -> data(e).put("tenant", "")), "$.data.tenant: must be at least 1 characters long");
    }

    @Test
    void refusesAnyFieldBeyondTheIdsInDataAndAnyOtherAttribute() {
        assertRefused(event(e -> data(e).put("first_name", "Grace")),
                "$.data: property 'first_name' is not defined in the schema and the schema does not allow additional properties");
        assertRefused(event(e -> e.put("partitionkey", id.toString())),
                "$: property 'partitionkey' is not defined in the schema and the schema does not allow additional properties");
        List<String> withoutData = contract.violations(TOPIC, id.toString(), event(e -> e.remove("data")).toString());
        assertTrue(withoutData.contains("$: required property 'data' not found"), withoutData::toString);
    }

    @Test
    void refusesAnUpdatedAtNotInTheApisOutputForm() {
        for (String bad : List.of("2024-01-01T00:00:00Z", "2024-01-01T00:00:00.000000Z", "2024-01-01T00:00:00.000+00:00",
                "2024-01-01T00:00:00.0000000+00:00", "2024-01-01T05:00:00.000000+05:00", "2024-01-01 00:00:00.000000+00:00",
                "1704067200")) {
            List<String> violations = contract.violations(TOPIC, id.toString(), event(e -> data(e).put("updated_at", bad)).toString());
            assertTrue(violations.contains("$.data.updated_at: does not match the regex pattern "
                    + "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{6}\\+00:00$"), bad + ": " + violations);
        }
        assertRefused(event(e -> e.put("time", "2024-01-01T00:00:00Z")),
                "$.time: does not match the regex pattern ^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{6}\\+00:00$");
    }

    @Test
    void refusesAKeyThatIsNotTheSubject() {
        String other = UUID.randomUUID().toString();
        assertEquals(List.of("key: " + other + " is not the subject \"" + id + "\""),
                contract.violations(TOPIC, other, event(e -> { }).toString()));
        assertTrue(contract.violations(TOPIC, "patient-1", event(e -> { }).toString())
                .contains("key: does not match the regex pattern ^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"));
        assertEquals(List.of("key: missing (it is the resource id)"), contract.violations(TOPIC, null, event(e -> { }).toString()));
        assertRefused(event(e -> data(e).put("id", other)), "$.data.id: \"" + other + "\" is not the subject \"" + id + "\"");
    }

    @Test
    void refusesATypeThatIsNotTheResourceAndOperationOfData() {
        assertRefused(event(e -> data(e).put("operation", "created")),
                "$.type: \"patients.updated\" is not data.resource + \".\" + data.operation (patients.created)");
    }

    @Test
    void refusesAnUnknownTopicAValueThatIsNotJsonAndATombstone() {
        assertEquals(List.of("no channel of docs/asyncapi.yaml has the address patients.changes (there are "
                + contract.addresses() + ")"), contract.violations("patients.changes", id.toString(), event(e -> { }).toString()));
        assertTrue(contract.violations(TOPIC, id.toString(), "{\"specversion\": ").get(0).startsWith("the value is not JSON"));
        assertEquals(List.of("the value is empty (the platform writes no tombstones)"), contract.violations(TOPIC, id.toString(), null));
    }

    @Test
    void failsNamingTheTopicTheViolationAndTheEvent() {
        String event = event(e -> data(e).remove("tenant")).toString();
        AssertionError failure = assertThrows(AssertionError.class, () -> ChangeEventContract.validate(TOPIC, id.toString(), event));
        assertEquals("change event on patients-service.changes does not conform to docs/asyncapi.yaml:\n"
                + "  $.data: required property 'tenant' not found\n"
                + "key:   " + id + "\n"
                + "value: " + event, failure.getMessage());
    }

    /** A patients.updated event as the outbox writes it, changed by {@code change}. */
    ObjectNode event(Consumer<ObjectNode> change) {
        ObjectNode event = TestChangeEvents.changeEvent("patients-service", "acme", "patients", id, "updated");
        change.accept(event);
        return event;
    }

    static ObjectNode data(ObjectNode event) {
        return (ObjectNode) event.get("data");
    }

    void assertRefused(ObjectNode event, String violation) {
        assertEquals(List.of(violation), contract.violations(TOPIC, id.toString(), event.toString()), event.toString());
    }

    /** The per-topic part of the payload schema of {@code service}'s channel (source, type, data.resource). */
    JsonNode topicConstraints(String service) {
        String message = contract.messagesOf(contract.channelOf(service + ".changes")).get(0);
        JsonNode payload = document.at(contract.resolve(message + "/payload"));
        for (JsonNode part : payload.path("allOf")) {
            if (part.has("properties")) {
                return part.path("properties");
            }
        }
        throw new AssertionError("no per-topic constraints in the payload of " + message);
    }

    static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(t -> texts.add(t.asText()));
        return texts;
    }
}
