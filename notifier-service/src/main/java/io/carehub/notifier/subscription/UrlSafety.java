package io.carehub.notifier.subscription;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.carehub.notifier.config.WebhooksConfig;

/**
 * Webhook URL safety (API.md §7): only http(s), and by default no URL that resolves to a loopback,
 * link-local, private (RFC 1918, ULA, CGNAT), unspecified, multicast or otherwise reserved address, so that a
 * subscriber cannot make the platform call into its own network. Checked on Create/Update and again before
 * every delivery (DNS may have changed since: rebinding). {@link #problem} resolves names: it blocks, so it
 * is never called on an event loop.
 */
@ApplicationScoped
public class UrlSafety {

    private final boolean allowPrivate;

    @Inject
    public UrlSafety(WebhooksConfig config) {
        this(config.allowPrivateUrls());
    }

    /** Outside CDI (tests). */
    public UrlSafety(boolean allowPrivate) {
        this.allowPrivate = allowPrivate;
    }

    /** What is wrong with {@code url} without looking anything up (scheme, host), or null. */
    public static String syntaxProblem(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return "must be an absolute http or https URL";
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return "must be an http or https URL";
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            return "must be an absolute http or https URL with a host";
        }
        if (uri.getRawUserInfo() != null) {
            return "must not carry credentials";
        }
        return null;
    }

    /** What is wrong with {@code url}, or null when it may be called. Blocking (DNS). */
    public String problem(String url) {
        String syntax = syntaxProblem(url);
        if (syntax != null || allowPrivate) {
            return syntax;
        }
        String host = URI.create(url).getHost();
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            return "must name a host that resolves";
        }
        for (InetAddress address : addresses) {
            if (!isPublic(address)) {
                return "must not resolve to a loopback, link-local, private or reserved address";
            }
        }
        return null;
    }

    static boolean isPublic(InetAddress a) {
        if (a.isLoopbackAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress() || a.isAnyLocalAddress()
                || a.isMulticastAddress()) {
            return false;
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet4Address) {
            int o0 = b[0] & 0xff;
            int o1 = b[1] & 0xff;
            return !(o0 == 0 // this network
                    || o0 == 10 || (o0 == 172 && (o1 & 0xf0) == 16) || (o0 == 192 && o1 == 168) // RFC 1918
                    || (o0 == 100 && (o1 & 0xc0) == 64) // CGNAT 100.64/10
                    || (o0 == 192 && o1 == 0 && (b[2] & 0xff) == 0) // IETF protocol assignments
                    || (o0 == 198 && (o1 & 0xfe) == 18) // benchmarking 198.18/15
                    || o0 >= 240); // reserved and broadcast
        }
        if (a instanceof Inet6Address) {
            int o0 = b[0] & 0xff;
            if ((o0 & 0xfe) == 0xfc) { // ULA fc00::/7
                return false;
            }
            if (isIpv4Compatible(b)) { // ::a.b.c.d, ::ffff:a.b.c.d, 64:ff9b::a.b.c.d carry an IPv4 address
                try {
                    return isPublic(InetAddress.getByAddress(new byte[] { b[12], b[13], b[14], b[15] }));
                } catch (UnknownHostException e) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean isIpv4Compatible(byte[] b) {
        boolean zeros = true;
        for (int i = 0; i < 10; i++) {
            zeros &= b[i] == 0;
        }
        boolean mapped = zeros && ((b[10] == 0 && b[11] == 0) || (b[10] == (byte) 0xff && b[11] == (byte) 0xff));
        boolean nat64 = b[0] == 0 && b[1] == 0x64 && b[2] == (byte) 0xff && b[3] == (byte) 0x9b;
        for (int i = 4; i < 12 && nat64; i++) {
            nat64 = b[i] == 0;
        }
        return mapped || nat64;
    }
}
