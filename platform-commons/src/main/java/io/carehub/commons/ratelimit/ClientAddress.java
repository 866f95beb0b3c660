package io.carehub.commons.ratelimit;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.jboss.logging.Logger;

/**
 * The address a request came from, as far as it can be believed. Quarkus's own {@code remoteAddress()} behind the
 * gateway is the <em>first</em> {@code X-Forwarded-For} entry, which is whatever the client sent: nginx
 * ({@code $proxy_add_x_forwarded_for}) and Envoy append the address they saw to the header the client gave. So:
 * <ul>
 * <li>a request whose TCP peer is not a trusted proxy ({@code quarkus.http.proxy.trusted-proxies}, i.e.
 * {@code TRUSTED_PROXIES}) is from that peer, whatever its headers say;</li>
 * <li>one from a trusted proxy is from the {@code X-Forwarded-For} entry {@code hops} places from the right: the
 * address the nearest proxy saw (hops 1), never one the client wrote.</li>
 * </ul>
 * Trusted proxies are addresses or CIDRs; an entry that is neither (a host name) is ignored here, never resolved.
 */
final class ClientAddress {

    private static final Logger LOG = Logger.getLogger(ClientAddress.class);
    private static final Pattern IPV4 = Pattern.compile("^\\d{1,3}(\\.\\d{1,3}){3}$");
    /** An address longer than this is no address: cut, so that a key stays small. */
    private static final int MAX_LENGTH = 64;

    private final List<byte[][]> trusted = new ArrayList<>();
    private final boolean forwarding;
    private final int hops;

    ClientAddress(boolean forwarding, List<String> trustedProxies, int hops) {
        this.forwarding = forwarding;
        this.hops = Math.max(hops, 1);
        for (String entry : trustedProxies) {
            byte[][] cidr = cidr(entry.strip());
            if (cidr == null) {
                LOG.warnf("rate limits: trusted proxy '%s' is not an address or CIDR; ignored for client addresses", entry);
            } else {
                trusted.add(cidr);
            }
        }
    }

    /**
     * @param peer the TCP peer's address
     * @param forwardedFor every {@code X-Forwarded-For} header of the request, in order (may be empty)
     */
    String of(String peer, List<String> forwardedFor) {
        if (peer == null || peer.isEmpty()) {
            return "unknown";
        }
        if (!forwarding || forwardedFor.isEmpty() || !isTrusted(peer)) {
            return peer;
        }
        List<String> entries = new ArrayList<>();
        for (String header : forwardedFor) {
            for (String entry : header.split(",")) {
                String e = entry.strip();
                if (!e.isEmpty()) {
                    entries.add(e);
                }
            }
        }
        if (entries.isEmpty()) {
            return peer;
        }
        // Fewer entries than hops: every one was written by a proxy; the leftmost is the nearest to the client.
        String address = entries.get(Math.max(0, entries.size() - hops));
        return normalize(address);
    }

    boolean isTrusted(String address) {
        byte[] bytes = literal(address);
        if (bytes == null) {
            return false;
        }
        for (byte[][] cidr : trusted) {
            if (matches(cidr, bytes)) {
                return true;
            }
        }
        return false;
    }

    /** {@code 1.2.3.4:5678} and {@code [::1]:5678} without their port; cut to a bounded length. */
    private static String normalize(String address) {
        String a = address;
        if (a.startsWith("[")) {
            int end = a.indexOf(']');
            a = end > 0 ? a.substring(1, end) : a.substring(1);
        } else if (a.indexOf(':') > 0 && a.indexOf(':') == a.lastIndexOf(':')) {
            a = a.substring(0, a.indexOf(':'));
        }
        return a.length() > MAX_LENGTH ? a.substring(0, MAX_LENGTH) : a;
    }

    /** {address bytes, mask bytes} of {@code 10.0.0.0/8}, {@code 127.0.0.1}, {@code ::1}, {@code fd00::/8}; null if not one. */
    private static byte[][] cidr(String entry) {
        String address = entry;
        int bits = -1;
        int slash = entry.indexOf('/');
        if (slash >= 0) {
            address = entry.substring(0, slash);
            try {
                bits = Integer.parseInt(entry.substring(slash + 1));
            } catch (NumberFormatException e) {
                return null;
            }
        } else if (IPV4.matcher(entry.replaceFirst(":\\d+$", "")).matches()) {
            address = entry.replaceFirst(":\\d+$", ""); // Quarkus allows address:port; the port does not matter here
        }
        byte[] bytes = literal(address);
        if (bytes == null) {
            return null;
        }
        if (bits < 0) {
            bits = bytes.length * 8;
        } else if (bits > bytes.length * 8) {
            return null;
        }
        byte[] mask = new byte[bytes.length];
        for (int i = 0; i < bits; i++) {
            mask[i / 8] |= (byte) (0x80 >>> (i % 8));
        }
        return new byte[][] { bytes, mask };
    }

    private static boolean matches(byte[][] cidr, byte[] address) {
        byte[] network = cidr[0];
        byte[] mask = cidr[1];
        if (network.length != address.length) {
            return false;
        }
        for (int i = 0; i < address.length; i++) {
            if ((network[i] & mask[i]) != (address[i] & mask[i])) {
                return false;
            }
        }
        return true;
    }

    /** The bytes of an IPv4 or IPv6 literal (an IPv4-mapped IPv6 one as IPv4), or null; never a DNS look-up. */
    private static byte[] literal(String address) {
        String a = address.startsWith("[") && address.endsWith("]") ? address.substring(1, address.length() - 1) : address;
        boolean v4 = IPV4.matcher(a).matches();
        boolean v6 = a.indexOf(':') >= 0 && a.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == ':' || c == '.' || c == '%');
        if (!v4 && !v6) {
            return null;
        }
        try {
            return InetAddress.getByName(a).getAddress();
        } catch (UnknownHostException | SecurityException e) {
            return null;
        }
    }
}
