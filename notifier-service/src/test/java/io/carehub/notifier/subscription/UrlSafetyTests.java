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
