package io.carehub.notifier.subscription;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;

import org.junit.jupiter.api.Test;

/** API.md §7, URL safety: which addresses a webhook may not reach unless private URLs are allowed. */
class UrlSafetyTests {

    final UrlSafety strict = new UrlSafety(false);
    final UrlSafety lenient = new UrlSafety(true);

    static boolean isPublic(String literal) throws Exception {
        return UrlSafety.isPublic(InetAddress.getByName(literal));
    }

    @Test
    void refusesLoopbackLinkLocalPrivateUnspecifiedMulticastAndReservedAddresses() throws Exception {
        for (String address : new String[] { "127.0.0.1", "127.8.9.10", "::1", "169.254.169.254", "fe80::1", "10.1.2.3",
                "172.16.0.1", "172.31.255.255", "192.168.1.1", "100.64.0.1", "100.127.255.254", "0.0.0.0", "::",
                "224.0.0.1", "ff02::1", "fc00::1", "fd12:3456::1", "::ffff:10.0.0.1", "::ffff:127.0.0.1",
                "64:ff9b::a9fe:a9fe", "198.18.0.1", "240.0.0.1", "255.255.255.255" }) {
            assertFalse(isPublic(address), address + " is refused");
        }
    }

    @Test
    void refusesTransitionDocumentationAndRelayRanges() throws Exception {
        for (String address : new String[] { "2002::1", "2002:c000:0204::1", "2002:7f00:1::", "2001::1", "2001:0:4136:e378::1",
                "2001:0:ffff:ffff:ffff:ffff:ffff:ffff", "64:ff9b:1::a00:1", "64:ff9b:1:ffff::1", "2001:db8::1",
                "192.0.2.1", "192.0.2.255", "198.51.100.7", "203.0.113.200", "192.88.99.1", "::ffff:192.0.2.1" }) {
            assertFalse(isPublic(address), address + " is refused");
        }
    }

    @Test
    void acceptsPublicAddressesNextToTheRefusedRanges() throws Exception {
        // Teredo is 2001:0000::/32 only: the rest of 2001::/16 is ordinary global space (2001:4860:: is Google's).
        for (String address : new String[] { "2001:1::1", "2001:4860:4860::8888", "2001:db9::1", "2003::1", "64:ff9b:2::1",
                "192.0.3.1", "192.0.1.1", "198.51.101.1", "203.0.112.1", "192.88.98.1", "192.88.100.1", "64:ff9b::808:808" }) {
            assertTrue(isPublic(address), address + " is accepted");
        }
    }

    @Test
    void resolvesOnceThroughTheHookAndRefusesWhenAnyAnswerIsNotPublic() throws Exception {
        java.util.concurrent.atomic.AtomicInteger lookups = new java.util.concurrent.atomic.AtomicInteger();
        UrlSafety.Resolver dns = host -> {
            lookups.incrementAndGet();
            return host.equals("mixed.example.test")
                    ? new InetAddress[] { InetAddress.getByName("127.0.0.2"), InetAddress.getByName("127.0.0.1") }
                    : new InetAddress[] { InetAddress.getByName("127.0.0.2") };
        };
        java.util.function.Predicate<InetAddress> onlyTwo = a -> a.getHostAddress().equals("127.0.0.2");
        UrlSafety tested = new UrlSafety(false, dns, onlyTwo);
        assertEquals("127.0.0.2", tested.resolve("hooks.example.test")[0].getHostAddress());
        assertEquals(1, lookups.get());
        assertEquals(UrlSafety.Refused.class,
                org.junit.jupiter.api.Assertions.assertThrows(java.net.UnknownHostException.class,
                        () -> tested.resolve("mixed.example.test")).getClass());
        assertNull(tested.problem("https://hooks.example.test/h"));
        assertEquals("must not resolve to a loopback, link-local, private or reserved address",
                tested.problem("https://mixed.example.test/h"));
        assertEquals(2, new UrlSafety(true, dns, onlyTwo).resolve("mixed.example.test").length, "allowed when private URLs are");
        assertEquals("must name a host that resolves", new UrlSafety(false, h -> {
            throw new java.net.UnknownHostException(h);
        }, onlyTwo).problem("https://nowhere.example.test/h"));
    }

    @Test
    void acceptsPublicAddresses() throws Exception {
        for (String address : new String[] { "93.184.216.34", "8.8.8.8", "172.32.0.1", "100.128.0.1", "2606:4700::1111",
                "::ffff:8.8.8.8" }) {
            assertTrue(isPublic(address), address + " is accepted");
        }
    }

    @Test
    void checksTheUrlsHostAndScheme() {
        assertNotNull(strict.problem("http://127.0.0.1:8080/hook"));
        assertNotNull(strict.problem("http://localhost/hook"));
        assertNotNull(strict.problem("https://[::1]/hook"));
        assertNotNull(strict.problem("http://169.254.169.254/latest/meta-data"));
        assertNotNull(strict.problem("http://10.0.0.5/hook"));
        assertNull(strict.problem("https://93.184.216.34/hook"));
        assertNotNull(strict.problem("ftp://93.184.216.34/hook"));
        assertNotNull(strict.problem("https://user:pw@93.184.216.34/hook"));
        assertNull(lenient.problem("http://127.0.0.1:8080/hook"));
        assertEquals("must be an http or https URL", lenient.problem("file:///etc/passwd"));
    }
}
