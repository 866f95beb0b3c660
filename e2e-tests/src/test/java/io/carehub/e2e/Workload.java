package io.carehub.e2e;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Several writers creating and updating patients, phone numbers, calendar events, messages, assessment responses
 * and patient tasks (deleting some) through the gateway for a fixed time, or until told to stop. Every write the
 * platform acknowledged (200) is recorded with the {@code updated_at} it answered; what was refused or lost on the way
 * is counted.
 */
final class Workload {

    /** A write the platform acknowledged: the resource and the {@code updated_at} of that write. */
    record Write(String collection, String id, Instant updatedAt, Instant acknowledged) {
    }

    private final Api api;
    private final String calendarId;
    private final String workerId;
    final List<Write> acknowledged = new CopyOnWriteArrayList<>();
    final AtomicInteger refused = new AtomicInteger();
    /** The refusals by status (0: no answer at all). */
    final Map<Integer, AtomicInteger> refusedBy = new ConcurrentHashMap<>();
    private final List<String> patients = new CopyOnWriteArrayList<>();
    private final List<String> phones = new CopyOnWriteArrayList<>();
    private final List<String> events = new CopyOnWriteArrayList<>();
    private final List<String> tasks = new CopyOnWriteArrayList<>();
    private final ConcurrentHashMap<String, String> conversations = new ConcurrentHashMap<>();
    private volatile boolean stopped;

    /** On the calendar of {@code workerId}, a worker of the tenant (made by the caller). */
    Workload(Api api, String workerId, String calendarId) {
        this.api = api;
        this.workerId = workerId;
        this.calendarId = calendarId;
    }

    /**
     * Runs {@code writers} threads for {@code duration}, or until {@link #stop} if that comes first; returns when all
     * have stopped.
     */
    void run(int writers, Duration duration) throws InterruptedException {
        Instant end = Instant.now().plus(duration);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < writers; i++) {
            Thread t = new Thread(() -> {
                while (!stopped && Instant.now().isBefore(end)) {
                    writeOnce();
                }
            }, "writer-" + i);
            t.start();
            threads.add(t);
        }
        for (Thread t : threads) {
            t.join();
        }
    }

    /**
     * Ends the run once each writer's request in progress is answered: for a run that lasts as long as its faults'
     * schedule, not a duration guessed to cover it.
     */
    void stop() {
        stopped = true;
    }

    private void writeOnce() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        if (patients.size() < 3) {
            createPatient();
            return;
        }
        String patient = patients.get(random.nextInt(patients.size()));
        switch (random.nextInt(12)) {
            case 0 -> createPatient();
            case 1 -> record("patients", api.put("/v1/patients/" + patient, "{\"first_name\": \"Allison " + random.nextInt(1000) + "\"}"));
            case 2 -> add(phones, record("phone_numbers", api.post("/v1/phone_numbers", """
                    {"user_id": "%s", "phone_number": "555-555-%04d", "phone_number_type": "cell"}"""
                    .formatted(patient, random.nextInt(10_000)))));
            case 3 -> {
                if (!phones.isEmpty()) {
                    String phone = phones.get(random.nextInt(phones.size()));
                    record("phone_numbers", api.put("/v1/phone_numbers/" + phone,
                            "{\"phone_number\": \"555-555-%04d\"}".formatted(random.nextInt(10_000))));
                }
            }
            case 4 -> add(events, record("calendar_events", api.post("/v1/calendar_events", """
                    {"calendar_id": "%s", "user_id": "%s", "start_time": "2018-09-10T17:00:00Z",
                     "end_time": "2018-09-10T17:30:00Z", "modality": "call", "appointment_type": "follow_up"}"""
                    .formatted(calendarId, patient))));
            case 5 -> {
                if (!events.isEmpty()) {
                    record("calendar_events", api.put("/v1/calendar_events/" + events.get(random.nextInt(events.size())),
                            "{\"outcome\": \"completed\"}"));
                }
            }
            case 6, 7 -> message(patient);
            case 8 -> record("assessment_responses", api.post("/v1/assessment_responses", """
                    {"user_id": "%s", "spec_id": "intake", "title": "Intake", "model": {"answer": %d, "notes": "x"}}"""
                    .formatted(patient, random.nextInt(100))));
            case 9, 10 -> add(tasks, record("patient_tasks", api.post("/v1/patient_tasks", """
                    {"user_id": "%s", "task_type": "follow_up_call", "dismissed": false}""".formatted(patient))));
            default -> {
                if (!tasks.isEmpty()) {
                    String task = tasks.remove(random.nextInt(tasks.size()));
                    record("patient_tasks", api.delete("/v1/patient_tasks/" + task));
                }
            }
        }
    }

    private void createPatient() {
        add(patients, record("patients", api.post("/v1/patients", """
                {"phase": "intake", "first_name": "Allison", "last_name": "Hernandez", "birthday": "1981-04-03",
                 "timezone": "US/Pacific"}""")));
    }

    private void message(String patient) {
        String conversation = conversations.get(patient);
        if (conversation == null) {
            conversation = record("conversations", api.post("/v1/conversations",
                    "{\"user_id\": \"" + patient + "\", \"conversation_type\": \"phone\"}"));
            if (conversation == null) {
                return;
            }
            conversations.put(patient, conversation);
        }
        record("messages", api.post("/v1/messages", """
                {"user_id": "%s", "worker_id": "%s", "conversation_id": "%s", "direction": "outbound",
                 "contents": "How are you today?"}""".formatted(patient, workerId, conversation)));
    }

    /** The id of the written resource when the platform acknowledged the write, else null (counted). */
    private String record(String collection, Api.Answer answer) {
        if (!answer.ok()) {
            refused.incrementAndGet();
            refusedBy.computeIfAbsent(answer.status(), s -> new AtomicInteger()).incrementAndGet();
            return null;
        }
        JsonNode data = answer.body().get("data");
        acknowledged.add(new Write(collection, data.get("id").asText(), Api.instant(data.get("updated_at").asText()),
                Instant.now()));
        return data.get("id").asText();
    }

    private static void add(List<String> ids, String id) {
        if (id != null) {
            ids.add(id);
        }
    }
}
