package io.carehub.notifier.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedKeyManager;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

import io.carehub.notifier.subscription.UrlSafety;

/**
 * API.md §7 with TLS: connecting to the checked address keeps everything else on the URL's name. The
 * receiver (on 127.0.0.2, which a test resolver answers for the name) sees the name as SNI and in
 * {@code Host}; a certificate for another name is refused. Certificates made by the JDK's keytool.
 */
class TlsNameTests {

    static final String NAME = "hooks.tls.test";
    static final String PASSWORD = "test-password";
    static final UrlSafety.Resolver DNS = host -> new InetAddress[] { InetAddress.getByName("127.0.0.2") };

    @TempDir
    static Path dir;
    static KeyStore rightName;
    static KeyStore wrongName;

    HttpsServer server;
    final List<String> sni = new CopyOnWriteArrayList<>();
    final List<String> hosts = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void certificates() throws Exception {
        rightName = keyStore("right", NAME);
        wrongName = keyStore("wrong", "elsewhere.tls.test");
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void theConnectionToTheCheckedAddressCarriesTheNameAsSniAndHostAndVerifiesTheCertificateForIt() throws Exception {
        int port = serve(rightName);
        try (WebhookHttp http = client(rightName)) {
            WebhookHttp.Answer answer = http.post("https://" + NAME + ":" + port + "/hook", Map.of(),
                    "[]".getBytes(StandardCharsets.UTF_8), "application/json", 0);
            assertEquals(204, answer.status());
        }
        assertEquals(List.of(NAME), sni);
        assertEquals(List.of(NAME + ":" + port), hosts);
    }

    @Test
    void aCertificateForAnotherNameIsRefused() throws Exception {
        int port = serve(wrongName);
        try (WebhookHttp http = client(wrongName)) {
            // Trusted, even: it is simply not the certificate of the name in the URL.
            IOException refused = assertThrows(IOException.class, () -> http.post("https://" + NAME + ":" + port + "/hook",
                    Map.of(), "[]".getBytes(StandardCharsets.UTF_8), "application/json", 0));
            assertTrue(refused instanceof SSLException, refused.toString());
        }
        assertEquals(List.of(), hosts, "no request was sent");
    }

    WebhookHttp client(KeyStore trusted) throws Exception {
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trusted);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, tmf.getTrustManagers(), null);
        return new WebhookHttp(new UrlSafety(false, DNS, a -> a.getHostAddress().equals("127.0.0.2")), Duration.ofSeconds(5), 2,
                tls);
    }

    /** An HTTPS receiver on 127.0.0.2 with {@code keys}, recording the SNI names and Host headers it got. */
    int serve(KeyStore keys) throws Exception {
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keys, PASSWORD.toCharArray());
        X509ExtendedKeyManager real = (X509ExtendedKeyManager) kmf.getKeyManagers()[0];
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(new X509ExtendedKeyManager[] { new RecordingSni(real, sni) }, null, null);
        server = HttpsServer.create(new InetSocketAddress("127.0.0.2", 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(tls));
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/hook", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                in.readAllBytes();
            }
            hosts.add(exchange.getRequestHeaders().getFirst("Host"));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
        return server.getAddress().getPort();
    }

    static KeyStore keyStore(String file, String name) throws Exception {
        Path path = dir.resolve(file + ".p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "receiver", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=" + name, "-ext", "SAN=dns:" + name, "-storetype", "PKCS12", "-keystore", path.toString(),
                "-storepass", PASSWORD, "-keypass", PASSWORD).redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (keytool.waitFor() != 0) {
            throw new IllegalStateException("keytool failed: " + output);
        }
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(path)) {
            store.load(in, PASSWORD.toCharArray());
        }
        return store;
    }

    /** The server's key manager, noting the names the client asked for (SNI) when a key is chosen. */
    static final class RecordingSni extends X509ExtendedKeyManager {
        private final X509ExtendedKeyManager real;
        private final List<String> names;

        RecordingSni(X509ExtendedKeyManager real, List<String> names) {
            this.real = real;
            this.names = names;
        }

        @Override
        public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
            if (engine.getHandshakeSession() instanceof ExtendedSSLSession session) {
                for (SNIServerName n : session.getRequestedServerNames()) {
                    if (n instanceof SNIHostName host && !names.contains(host.getAsciiName())) {
                        names.add(host.getAsciiName());
                    }
                }
            }
            return real.chooseEngineServerAlias(keyType, issuers, engine);
        }

        @Override
        public String[] getClientAliases(String keyType, Principal[] issuers) {
            return real.getClientAliases(keyType, issuers);
        }

        @Override
        public String chooseClientAlias(String[] keyType, Principal[] issuers, java.net.Socket socket) {
            return real.chooseClientAlias(keyType, issuers, socket);
        }

        @Override
        public String[] getServerAliases(String keyType, Principal[] issuers) {
            return real.getServerAliases(keyType, issuers);
        }

        @Override
        public String chooseServerAlias(String keyType, Principal[] issuers, java.net.Socket socket) {
            return real.chooseServerAlias(keyType, issuers, socket);
        }

        @Override
        public X509Certificate[] getCertificateChain(String alias) {
            return real.getCertificateChain(alias);
        }

        @Override
        public PrivateKey getPrivateKey(String alias) {
            return real.getPrivateKey(alias);
        }
    }
}
