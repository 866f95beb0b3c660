package io.carehub.notifier.delivery;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.net.ssl.SSLContext;

import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.util.Timeout;

import io.carehub.notifier.subscription.UrlSafety;

/**
 * The notifier's outbound HTTP: one POST with a hard deadline on its whole time (connect, headers and body: a
 * scheduled cancel closes the socket, as a per-read timeout would let a trickled body hold a delivery slot
 * forever), reading at most a given number of body bytes. Every connection resolves its host once, through
 * {@link UrlSafety#resolve}, and connects to exactly the addresses checked there (no second lookup for a
 * rebinding DNS to answer differently), while {@code Host}, TLS SNI and hostname verification stay on the
 * name. No redirects, retries, proxies, cookies, compression or kept-alive connections: each attempt is one
 * fresh connection to a checked address.
 */
final class WebhookHttp implements Closeable {

    /** What an endpoint answered: the status, its {@code Retry-After}, and at most the body bytes asked for. */
    record Answer(int status, String retryAfter, byte[] body) {
    }

    /** The whole request took longer than the deadline. */
    static final class DeadlineExceeded extends IOException {
        DeadlineExceeded() {
            super("deadline exceeded", null);
        }
    }

    /** The body is longer than the caller reads. */
    static final class TooLarge extends IOException {
        TooLarge() {
            super("response body too large", null);
        }
    }

    private final CloseableHttpClient client;
    private final ScheduledThreadPoolExecutor deadlines;
    private final Duration timeout;

    WebhookHttp(UrlSafety safety, Duration timeout, int maxConnections) {
        this(safety, timeout, maxConnections, null);
    }

    /** With the TLS trust of the caller's ({@code null}: the JVM's): tests, whose certificates no CA signed. */
    WebhookHttp(UrlSafety safety, Duration timeout, int maxConnections, SSLContext tls) {
        this.timeout = timeout;
        Timeout t = Timeout.of(timeout);
        DnsResolver checked = new DnsResolver() {
            @Override
            public InetAddress[] resolve(String host) throws UnknownHostException {
                return safety.resolve(host);
            }

            @Override
            public List<InetSocketAddress> resolve(String host, int port) throws UnknownHostException {
                List<InetSocketAddress> addresses = new ArrayList<>();
                for (InetAddress a : safety.resolve(host)) {
                    addresses.add(new InetSocketAddress(a, port));
                }
                return addresses;
            }

            @Override
            public String resolveCanonicalHostname(String host) {
                return host; // never looked up: a second answer is what rebinding needs
            }
        };
        PoolingHttpClientConnectionManagerBuilder connections = PoolingHttpClientConnectionManagerBuilder.create();
        if (tls != null) {
            // Still SNI and hostname verification on the URL's name (the default strategy's), with this trust.
            connections.setTlsSocketStrategy(ClientTlsStrategyBuilder.create().setSslContext(tls).buildClassic());
        }
        this.client = HttpClients.custom()
                .setConnectionManager(connections
                        .setDnsResolver(checked)
                        .setMaxConnTotal(maxConnections).setMaxConnPerRoute(maxConnections)
                        .setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(t).setSocketTimeout(t).build())
                        .setDefaultSocketConfig(SocketConfig.custom().setSoTimeout(t).build())
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom().setConnectionRequestTimeout(t).setResponseTimeout(t)
                        .setRedirectsEnabled(false).build())
                .setConnectionReuseStrategy((request, response, context) -> false)
                .disableRedirectHandling().disableAutomaticRetries().disableContentCompression().disableCookieManagement()
                .disableAuthCaching().setUserAgent("carehub-notifier")
                .build();
        this.deadlines = new ScheduledThreadPoolExecutor(1, r -> {
            Thread thread = new Thread(r, "webhook-deadlines");
            thread.setDaemon(true);
            return thread;
        });
        this.deadlines.setRemoveOnCancelPolicy(true);
    }

    Duration timeout() {
        return timeout;
    }

    /**
     * POSTs {@code body} to {@code url} and answers within the deadline, reading at most {@code maxBodyBytes}
     * of the response ({@code 0}: none). Throws {@link DeadlineExceeded}, {@link TooLarge},
     * {@link UrlSafety.Refused} (the host resolves to an address the policy refuses) or another IOException.
     */
    Answer post(String url, Map<String, String> headers, byte[] body, String contentType, int maxBodyBytes) throws IOException {
        HttpPost request = new HttpPost(URI.create(url));
        headers.forEach(request::setHeader);
        request.setEntity(new ByteArrayEntity(body, ContentType.create(contentType)));
        AtomicBoolean expired = new AtomicBoolean();
        ScheduledFuture<?> deadline = deadlines.schedule(() -> {
            expired.set(true);
            request.cancel();
        }, timeout.toMillis(), TimeUnit.MILLISECONDS);
        ClassicHttpResponse response = null;
        try {
            response = client.executeOpen(null, request, null);
            Header retryAfter = response.getFirstHeader("Retry-After");
            byte[] read = maxBodyBytes > 0 ? read(response.getEntity(), maxBodyBytes) : new byte[0];
            return new Answer(response.getCode(), retryAfter == null ? null : retryAfter.getValue(), read);
        } catch (IOException e) {
            if (expired.get()) {
                throw new DeadlineExceeded();
            }
            UrlSafety.Refused refused = refused(e);
            throw refused != null ? refused : e;
        } finally {
            deadline.cancel(false);
            // Dropped, not drained: closing a response reads the rest of its body, which may never end.
            request.cancel();
            if (response != null) {
                try {
                    response.close();
                } catch (IOException e) {
                    // the connection is gone already
                }
            }
        }
    }

    private static byte[] read(HttpEntity entity, int max) throws IOException {
        if (entity == null) {
            return new byte[0];
        }
        if (entity.getContentLength() > max) {
            throw new TooLarge();
        }
        // Not closed here: closing drains the rest; post() drops the connection instead.
        InputStream in = entity.getContent();
        byte[] read = in.readNBytes(max + 1);
        if (read.length > max) {
            throw new TooLarge();
        }
        return read;
    }

    private static UrlSafety.Refused refused(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof UrlSafety.Refused r) {
                return r;
            }
        }
        return null;
    }

    @Override
    public void close() throws IOException {
        deadlines.shutdownNow();
        client.close();
    }
}
