package io.carehub.commons.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.vertx.core.http.HttpMethod;

class ClientAddressTests {

    private final ClientAddress local = new ClientAddress(true, List.of("127.0.0.0/8"), 1);

    @Test
    void behindTheGatewayTheAddressIsTheOneTheGatewayAppended() {
        // nginx: $proxy_add_x_forwarded_for = what the client sent, then the address nginx saw.
        assertEquals("203.0.113.7", local.of("127.0.0.1", List.of("203.0.113.7")));
        assertEquals("203.0.113.7", local.of("127.0.0.1", List.of("198.51.100.1, 192.0.2.9,203.0.113.7")));
        assertEquals("203.0.113.7", local.of("127.0.0.1", List.of("198.51.100.1", "203.0.113.7")));
    }

    @Test
    void aClientThatIsNotATrustedProxyCannotNameAnotherAddress() {
        assertEquals("192.0.2.50", local.of("192.0.2.50", List.of("203.0.113.7")));
        assertEquals("192.0.2.50", local.of("192.0.2.50", List.of()));
    }

    @Test
    void withoutForwardingOrHeaderThePeerIsTheAddress() {
        assertEquals("127.0.0.1", local.of("127.0.0.1", List.of()));
        assertEquals("127.0.0.1", local.of("127.0.0.1", List.of(" , ")));
        assertEquals("127.0.0.1", new ClientAddress(false, List.of("127.0.0.0/8"), 1).of("127.0.0.1", List.of("203.0.113.7")));
        assertEquals("unknown", local.of(null, List.of("203.0.113.7")));
    }

    @Test
    void twoHopsTakeTheSecondEntryFromTheRight() {
        ClientAddress twoHops = new ClientAddress(true, List.of("10.0.0.0/8"), 2);
        assertEquals("203.0.113.7", twoHops.of("10.1.2.3", List.of("6.6.6.6, 203.0.113.7, 10.9.9.9")));
        assertEquals("203.0.113.7", twoHops.of("10.1.2.3", List.of("203.0.113.7")));
    }

    @Test
    void portsAndBracketsAreDropped() {
        assertEquals("203.0.113.7", local.of("127.0.0.1", List.of("203.0.113.7:4711")));
        assertEquals("2001:db8::1", local.of("127.0.0.1", List.of("[2001:db8::1]:4711")));
        assertEquals("2001:db8::1", local.of("127.0.0.1", List.of("2001:db8::1")));
    }

    @Test
    void trustedProxiesAreAddressesAndCidrsNeverHostNames() {
        ClientAddress proxies = new ClientAddress(true, List.of("10.0.0.0/8", "192.0.2.1", "fd00::/8", "::1", "gateway.example",
                "192.0.2.2:8080", "10.0.0.0/99"), 1);
        assertTrue(proxies.isTrusted("10.200.3.4"));
        assertTrue(proxies.isTrusted("192.0.2.1"));
        assertTrue(proxies.isTrusted("192.0.2.2"));
        assertFalse(proxies.isTrusted("192.0.2.3"));
        assertTrue(proxies.isTrusted("fd12:3456::1"));
        assertTrue(proxies.isTrusted("0:0:0:0:0:0:0:1"));
        assertFalse(proxies.isTrusted("2001:db8::1"));
        assertFalse(proxies.isTrusted("11.0.0.1"));
        assertFalse(proxies.isTrusted("gateway.example"));
    }

    @Test
    void getHeadAndFindByPostReadEveryOtherMethodWrites() {
        assertTrue(RateLimitFilter.isRead(HttpMethod.GET, "/v1/patients"));
        assertTrue(RateLimitFilter.isRead(HttpMethod.HEAD, "/v1/patients/1"));
        assertTrue(RateLimitFilter.isRead(HttpMethod.POST, "/v1/patients/find"));
        assertFalse(RateLimitFilter.isRead(HttpMethod.POST, "/v1/patients"));
        assertFalse(RateLimitFilter.isRead(HttpMethod.PUT, "/v1/patients/1"));
        assertFalse(RateLimitFilter.isRead(HttpMethod.PATCH, "/v1/patients/1"));
        assertFalse(RateLimitFilter.isRead(HttpMethod.DELETE, "/v1/patient_tasks/1"));
    }
}
