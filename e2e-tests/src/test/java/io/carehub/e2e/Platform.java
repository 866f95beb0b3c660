package io.carehub.e2e;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The whole platform of one test run, started the way {@code deploy/local/up} starts it — by that very script: the
 * five services' built jars, the nginx gateway and a Kafka broker (KRaft) from Maven Central's jars — on ports of its
 * own, with a PostgreSQL of its own (embedded binaries) and its state under {@code target/e2e}. One per run, shared by
 * the test classes ({@link SharedPlatform}). And the faults the tests inflict on it: the broker stopped and started
 * again, a second notifier-service instance and the first one killed ({@code kill -9}), PostgreSQL stopped and started
 * again, a service sent SIGTERM — and {@link #restore}, which undoes whichever of them a test left behind.
 */
final class Platform implements AutoCloseable {

    static final String TOKEN_PATH = "/v1/token";
    /** The services {@code deploy/local/up} starts one instance of each (the first instances: the pid files' names). */
    static final List<String> SERVICES = List.of("patients-service", "scheduling-service", "messaging-service",
            "assessments-service", "notifier-service");

    final Path repo;
    final Path state;
    final Map<String, Integer> ports = new LinkedHashMap<>();
    final String bootstrapClientId = UUID.randomUUID().toString();
    final String bootstrapClientSecret = UUID.randomUUID().toString().replace("-", "") + UUID.randomUUID().toString().replace("-", "");
    private final Path pgData;
    private final int pgPort;
    private EmbeddedPostgres postgres;
    private final List<Process> extra = new ArrayList<>();
    /** The processes started again by a test, by name: these, not the launcher's pid files, are the live ones. */
    private final Map<String, Process> relaunched = new java.util.concurrent.ConcurrentHashMap<>();
    /** How each process stopped by {@link #stopService} was started, to start it again the same way. */
    private final Map<String, Launch> stoppedLaunches = new java.util.concurrent.ConcurrentHashMap<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private Platform(Path repo, Path state) throws IOException {
        this.repo = repo;
        this.state = state;
        this.pgData = state.resolve("postgres-data");
        this.pgPort = freePort();
        for (String name : List.of("gateway", "kafka", "kafka-controller", "patients-service", "scheduling-service",
                "messaging-service", "assessments-service", "notifier-service", "notifier-service-2")) {
            ports.put(name, freePort());
        }
    }

    /**
     * Starts it all and waits until it is ready; fails with the launcher's output if it cannot, having stopped what
     * it had started.
     */
    static Platform start() throws Exception {
        Path repo = Path.of(System.getProperty("e2e.repo", "..")).toAbsolutePath().normalize();
        Path state = Path.of(System.getProperty("e2e.state", "target/e2e")).toAbsolutePath().normalize();
        deleteTree(state);
        Files.createDirectories(state);
        Platform platform = new Platform(repo, state);
        try {
            platform.startPostgres();
            platform.up();
        } catch (Exception | Error e) {
            try {
                platform.close();
            } catch (Exception closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
        return platform;
    }

    String gateway() {
        return "http://localhost:" + ports.get("gateway");
    }

    String kafkaBootstrap() {
        return "127.0.0.1:" + ports.get("kafka");
    }

    // ------------------------------------------------------------------ PostgreSQL

    private void startPostgres() throws IOException {
        Instant start = Instant.now();
        postgres = EmbeddedPostgres.builder().setDataDirectory(pgData.toFile()).setCleanDataDirectory(false)
                .setPort(pgPort).setServerConfig("max_connections", "300").start();
        log("PostgreSQL on port %d ready in %d ms", pgPort, Duration.between(start, Instant.now()).toMillis());
    }

    /** PostgreSQL stopped (every connection of every service cut), down for {@code downFor}, then started again. */
    void restartPostgres(Duration downFor) throws Exception {
        stopPostgres();
        Thread.sleep(downFor.toMillis());
        startPostgres();
    }

    /** PostgreSQL stopped: every connection of every service cut, new ones refused until {@link #startPostgresAgain}. */
    void stopPostgres() throws IOException {
        log("fault: stopping PostgreSQL");
        postgres.close();
        postgres = null;
    }

    void startPostgresAgain() throws IOException {
        startPostgres();
    }

    /** A JDBC connection source to one service's database ({@code patients}, ...), for a test's set-up. */
    javax.sql.DataSource database(String name) {
        return postgres.getDatabase("postgres", name);
    }

    /** A service's own port (not the gateway's): its health endpoints. */
    int port(String service) {
        return ports.get(service);
    }

    // ------------------------------------------------------------------ deploy/local/up and down

    private Map<String, String> launcherEnv() {
        Map<String, String> env = new HashMap<>();
        env.put("LOCAL_STATE_DIR", state.resolve("local").toString());
        env.put("GATEWAY_PORT", ports.get("gateway").toString());
        env.put("KAFKA_PORT", ports.get("kafka").toString());
        env.put("KAFKA_CONTROLLER_PORT", ports.get("kafka-controller").toString());
        for (String svc : List.of("patients-service", "scheduling-service", "messaging-service", "assessments-service",
                "notifier-service")) {
            env.put(svc.toUpperCase().replace('-', '_') + "_PORT", ports.get(svc).toString());
        }
        env.put("DB_HOST", "127.0.0.1");
        env.put("DB_PORT", Integer.toString(pgPort));
        env.put("DB_USER", "postgres");
        env.put("DB_PASSWORD", "postgres");
        env.put("BOOTSTRAP_CLIENT_ID", bootstrapClientId);
        env.put("BOOTSTRAP_CLIENT_SECRET", bootstrapClientSecret);
        return env;
    }

    private void up() throws Exception {
        Instant start = Instant.now();
        Path out = state.resolve("up.log");
        int rc = run(out, Duration.ofMinutes(6), "deploy/local/up", "--detach");
        if (rc != 0) {
            throw new IllegalStateException("deploy/local/up failed (" + rc + "):\n" + tail(out, 60));
        }
        log("platform up in %d s (deploy/local/up; gateway %s)", Duration.between(start, Instant.now()).toSeconds(),
                gateway());
    }

    @Override
    public void close() throws Exception {
        Instant start = Instant.now();
        for (Process p : extra) {
            p.destroy();
        }
        for (Process p : extra) {
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
        run(state.resolve("down.log"), Duration.ofMinutes(2), "deploy/local/down");
        if (postgres != null) {
            postgres.close();
            postgres = null;
        }
        log("platform stopped in %d s (deploy/local/down)", Duration.between(start, Instant.now()).toSeconds());
    }

    private int run(Path out, Duration timeout, String... command) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(command));
        cmd.set(0, repo.resolve(command[0]).toString());
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(repo.toFile()).redirectErrorStream(true)
                .redirectOutput(out.toFile());
        pb.environment().putAll(launcherEnv());
        Process p = pb.start();
        if (!p.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " did not finish within " + timeout + ":\n"
                    + tail(out, 40));
        }
        return p.exitValue();
    }

    // ------------------------------------------------------------------ processes the launcher started

    private Path pidFile(String name) {
        return state.resolve("local").resolve("pids").resolve(name + ".pid");
    }

    ProcessHandle process(String name) {
        Process again = relaunched.get(name);
        if (again != null) {
            return again.toHandle();
        }
        try {
            long pid = Long.parseLong(Files.readString(pidFile(name)).trim().split("\\s+")[0]);
            return ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException(name + " is not running"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What a running process was started with: its command line, environment and folder. */
    private record Launch(List<String> command, Map<String, String> env, File cwd) {
    }

    private static Launch launchOf(ProcessHandle p) throws IOException {
        Path proc = Path.of("/proc", Long.toString(p.pid()));
        List<String> command = List.of(new String(Files.readAllBytes(proc.resolve("cmdline")), StandardCharsets.UTF_8)
                .split("\0"));
        Map<String, String> env = new HashMap<>();
        for (String kv : new String(Files.readAllBytes(proc.resolve("environ")), StandardCharsets.UTF_8).split("\0")) {
            int eq = kv.indexOf('=');
            if (eq > 0) {
                env.put(kv.substring(0, eq), kv.substring(eq + 1));
            }
        }
        return new Launch(command, env, proc.resolve("cwd").toRealPath().toFile());
    }

    private Process relaunch(String name, Launch launch, Map<String, String> changes, Path log) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(launch.command()).directory(launch.cwd()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        pb.environment().clear();
        pb.environment().putAll(launch.env());
        pb.environment().putAll(changes);
        Process p = pb.start();
        extra.add(p);
        relaunched.put(name, p);
        log("%s started again (pid %d)", name, p.pid());
        return p;
    }

    /** The Kafka broker stopped (SIGTERM, as an operator would), down for {@code downFor}, then started again. */
    void restartKafka(Duration downFor) throws Exception {
        stopKafka();
        Thread.sleep(downFor.toMillis());
        startKafkaAgain();
    }

    /** The Kafka broker stopped (SIGTERM); returns once it has exited. */
    void stopKafka() throws Exception {
        ProcessHandle broker = process("kafka");
        stoppedLaunches.put("kafka", launchOf(broker));
        log("fault: stopping the Kafka broker (pid %d)", broker.pid());
        broker.destroy();
        broker.onExit().get(60, TimeUnit.SECONDS);
    }

    /** The broker stopped by {@link #stopKafka} started again as it was; returns once its port is open. */
    void startKafkaAgain() throws Exception {
        relaunch("kafka", stoppedLaunches.remove("kafka"), Map.of(),
                state.resolve("local").resolve("logs").resolve("kafka.log"));
        awaitPort(ports.get("kafka"), Duration.ofSeconds(90));
    }

    /**
     * SIGTERM to a service ({@code patients-service}, ...), as Kubernetes or {@code deploy/local/down} stops it: the
     * signal is sent and this returns at once with the process, whose exit the caller may await.
     */
    ProcessHandle terminateService(String service) throws IOException {
        ProcessHandle p = process(service);
        stoppedLaunches.put(service, launchOf(p));
        log("SIGTERM to %s (pid %d)", service, p.pid());
        p.destroy();
        return p;
    }

    /** The service stopped by {@link #terminateService} started again as it was; returns once it is ready. */
    void startServiceAgain(String service) throws Exception {
        Launch launch = stoppedLaunches.remove(service);
        relaunch(service, launch, Map.of(), state.resolve("local").resolve("logs").resolve(service + ".log"));
        awaitReady(ports.get(service), Duration.ofSeconds(120));
    }

    /**
     * A second notifier-service instance beside the first (same database, consumer group and leases, another port),
     * as a deployment with two replicas has; ready when this returns.
     */
    void startSecondNotifier() throws Exception {
        Launch launch = launchOf(process("notifier-service"));
        Path log = state.resolve("local").resolve("logs").resolve("notifier-service-2.log");
        relaunch("notifier-service-2", launch, Map.of("QUARKUS_HTTP_PORT", ports.get("notifier-service-2").toString()), log);
        awaitReady(ports.get("notifier-service-2"), Duration.ofSeconds(120));
    }

    /** The first notifier-service instance killed outright ({@code kill -9}): no shutdown, leases left to expire. */
    void killFirstNotifier() throws IOException {
        ProcessHandle notifier = process("notifier-service");
        stoppedLaunches.put("notifier-service", launchOf(notifier));
        log("fault: kill -9 notifier-service (pid %d)", notifier.pid());
        notifier.destroyForcibly();
        notifier.onExit().join();
    }

    /**
     * The platform as {@code deploy/local/up} left it, again: PostgreSQL and the broker running, every service's
     * instance running (started again as it was launched, if a test stopped or killed it and did not start it again),
     * the instances a test added ({@link #startSecondNotifier}) stopped; returns once every service is ready and the
     * broker's and the gateway's ports are open, else fails. It only keeps one test's faults out of the next test's
     * figures: each fault test still asserts its own recovery, before this runs.
     */
    void restore() throws Exception {
        Instant start = Instant.now();
        List<String> done = new ArrayList<>();
        if (postgres == null) {
            startPostgres();
            done.add("PostgreSQL started again");
        }
        if (stoppedLaunches.containsKey("kafka")) {
            startKafkaAgain();
            done.add("the Kafka broker started again");
        }
        for (String service : SERVICES) {
            if (!running(service)) {
                if (!stoppedLaunches.containsKey(service)) {
                    throw new IllegalStateException(service + " is not running, and no test stopped it: "
                            + tail(state.resolve("local").resolve("logs").resolve(service + ".log"), 40));
                }
                startServiceAgain(service);
                done.add(service + " started again");
            }
        }
        for (String name : List.copyOf(relaunched.keySet())) {
            if (!SERVICES.contains(name) && !name.equals("kafka")) {
                Process added = relaunched.remove(name);
                if (added.isAlive()) {
                    added.destroy();
                    if (!added.waitFor(30, TimeUnit.SECONDS)) {
                        added.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                    }
                    done.add(name + " stopped");
                }
            }
        }
        for (String service : SERVICES) {
            awaitReady(ports.get(service), Duration.ofSeconds(120));
        }
        awaitPort(ports.get("kafka"), Duration.ofSeconds(30));
        awaitPort(ports.get("gateway"), Duration.ofSeconds(30));
        log("platform whole and ready in %d ms: %s", Duration.between(start, Instant.now()).toMillis(),
                done.isEmpty() ? "nothing was left stopped or added" : String.join(", ", done));
    }

    /** Whether the live process of {@code name} (the launcher's, or the one a test started again) is running. */
    private boolean running(String name) {
        try {
            return process(name).isAlive();
        } catch (IllegalStateException e) {
            return false;
        }
    }

    private void awaitReady(int port, Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            try {
                var r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("port " + port + " not ready within " + timeout);
    }

    private static void awaitPort(int port, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            try (Socket s = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException e) {
                Thread.sleep(200);
            }
        }
        throw new IllegalStateException("port " + port + " not open within " + timeout);
    }

    // ------------------------------------------------------------------ small things

    static void log(String format, Object... args) {
        System.out.printf("[e2e %s] %s%n", Instant.now().toString().substring(11, 23), String.format(format, args));
        System.out.flush();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    static String tail(Path file, int lines) {
        try {
            List<String> all = Files.readAllLines(file);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
