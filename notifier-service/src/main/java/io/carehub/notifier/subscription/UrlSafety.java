package io.carehub.notifier.subscription;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.function.Predicate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.carehub.notifier.config.WebhooksConfig;

/**
 * Webhook URL safety (API.md §7): only http(s), and by default no URL that resolves to a loopback,
 * link-local, private (RFC 1918, ULA, CGNAT), unspecified, multicast, documentation, transition (6to4,
 * Teredo, local NAT64) or otherwise reserved address, so that a subscriber cannot make the platform call
 * into its own network. Checked on Create/Update by {@link #problem}; at delivery time the dispatcher's
 * connections resolve through {@link #resolve}, once, and connect to exactly the addresses checked (a second
 * lookup could answer differently: DNS rebinding). Both resolve names: they block, so they never run on an
 * event loop. The lookup and the address policy are hooks so that tests can play a rebinding DNS on loopback.
 */
@ApplicationScoped
public class UrlSafety {

    /** How a host name becomes addresses (the system resolver, or a test's). */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    /** A name that resolved, but to an address the policy refuses: the connection is never made. */
    public static final class Refused extends UnknownHostException {
        public Refused(String host) {
            super(host + " resolves to a loopback, link-local, private or reserved address");
        }
    }

    public static final Resolver SYSTEM = InetAddress::getAllByName;
    static final String NOT_PUBLIC = "must not resolve to a loopback, link-local, private or reserved address";

    private final boolean allowPrivate;
    private final Resolver resolver;
    private final Predicate<InetAddress> isPublic;

    @Inject
    public UrlSafety(WebhooksConfig config) {
        this(config.allowPrivateUrls());
    }

    /** Outside CDI (tests). */
    public UrlSafety(boolean allowPrivate) {
        this(allowPrivate, SYSTEM, UrlSafety::isPublic);
    }

    /** With a resolver and an address policy of the caller's (tests: a rebinding DNS, loopback playing public). */
    public UrlSafety(boolean allowPrivate, Resolver resolver, Predicate<InetAddress> isPublic) {
        this.allowPrivate = allowPrivate;
        this.resolver = resolver;
        this.isPublic = isPublic;
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
        try {
            resolve(URI.create(url).getHost());
            return null;
        } catch (Refused e) {
            return NOT_PUBLIC;
        } catch (UnknownHostException e) {
            return "must name a host that resolves";
        }
    }

    /**
     * The addresses of {@code host}, looked up once, every one of them allowed by the policy (unless private
     * URLs are allowed); {@link Refused} otherwise. What a delivery connects to. Blocking (DNS).
     */
    public InetAddress[] resolve(String host) throws UnknownHostException {
        String name = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        InetAddress[] addresses = resolver.resolve(name);
        if (addresses == null || addresses.length == 0) {
            throw new UnknownHostException(name);
        }
        if (!allowPrivate) {
            for (InetAddress address : addresses) {
                if (!isPublic.test(address)) {
                    throw new Refused(name);
                }
            }
        }
        return addresses;
    }

    /** The production policy: whether a webhook may reach {@code a}. */
    public static boolean isPublic(InetAddress a) {
        if (a.isLoopbackAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress() || a.isAnyLocalAddress()
                || a.isMulticastAddress()) {
            return false;
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet4Address) {
            int o0 = b[0] & 0xff;
            int o1 = b[1] & 0xff;
            int o2 = b[2] & 0xff;
            return !(o0 == 0 // this network
                    || o0 == 10 || (o0 == 172 && (o1 & 0xf0) == 16) || (o0 == 192 && o1 == 168) // RFC 1918
                    || (o0 == 100 && (o1 & 0xc0) == 64) // CGNAT 100.64/10
                    || (o0 == 192 && o1 == 0 && o2 == 0) // IETF protocol assignments
                    || (o0 == 192 && o1 == 0 && o2 == 2) // TEST-NET-1
                    || (o0 == 198 && o1 == 51 && o2 == 100) // TEST-NET-2
                    || (o0 == 203 && o1 == 0 && o2 == 113) // TEST-NET-3
                    || (o0 == 192 && o1 == 88 && o2 == 99) // the deprecated 6to4 relay anycast
                    || (o0 == 198 && (o1 & 0xfe) == 18) // benchmarking 198.18/15
                    || o0 >= 240); // reserved and broadcast
        }
        if (a instanceof Inet6Address) {
            int o0 = b[0] & 0xff;
            int o1 = b[1] & 0xff;
            if ((o0 & 0xfe) == 0xfc) { // ULA fc00::/7
                return false;
            }
            // Transition addresses reach IPv4 hosts through relays, so they can lead anywhere: 6to4 2002::/16,
            // Teredo 2001:0000::/32 (only that /32: the rest of 2001::/16 is ordinary global space).
            if ((o0 == 0x20 && o1 == 0x02) || (o0 == 0x20 && o1 == 0x01 && b[2] == 0 && b[3] == 0)) {
                return false;
            }
            if (o0 == 0x20 && o1 == 0x01 && (b[2] & 0xff) == 0x0d && (b[3] & 0xff) == 0xb8) { // documentation 2001:db8::/32
                return false;
            }
            // Local-use NAT64 64:ff9b:1::/48 (RFC 8215): the operator's own translator.
            if (o0 == 0 && o1 == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b && b[4] == 0 && b[5] == 1) {
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
