package dev.threshold.nudge.webhooks;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.UnknownHostException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class UrlGuardTest {

    private static UrlGuard resolvingTo(boolean allowPrivate, String ip) {
        return new UrlGuard(allowPrivate, host -> new InetAddress[] {InetAddress.getByName(ip)});
    }

    @Test
    void publicHttpsIsAcceptedAndConnectsToTheCheckedAddress() throws Exception {
        UrlGuard.Target t = resolvingTo(false, "93.184.216.34").check("https://hooks.example.com/x");
        assertEquals("93.184.216.34", t.address().getHostAddress());
        assertEquals(443, t.port());
    }

    @Test
    void plainHttpIsRefusedUnlessPrivateIsAllowed() throws Exception {
        assertThrows(UrlGuard.Refused.class, () -> resolvingTo(false, "93.184.216.34")
                .check("http://hooks.example.com/x"));
        assertEquals(
                80,
                resolvingTo(true, "93.184.216.34")
                        .check("http://hooks.example.com/x")
                        .port());
    }

    @Test
    void internalAddressesAreRefusedAfterResolution() {
        for (String ip : new String[] {
            "127.0.0.1",
            "10.1.2.3",
            "172.16.0.1",
            "192.168.1.1",
            "169.254.169.254",
            "0.0.0.0",
            "100.64.0.1",
            "::1",
            "fd00::1",
            "fe80::1",
            "::ffff:127.0.0.1",
            "::ffff:169.254.169.254",
            "224.0.0.1"
        }) {
            assertThrows(
                    UrlGuard.Refused.class,
                    () -> resolvingTo(false, ip).check("https://innocent.example.com/hook"),
                    ip);
        }
    }

    @Test
    void internalAddressesAreAcceptedWhenAllowed() throws Exception {
        assertEquals(
                "127.0.0.1",
                resolvingTo(true, "127.0.0.1")
                        .check("http://localhost:8080/h")
                        .address()
                        .getHostAddress());
    }

    @Test
    void oneInternalAddressAmongSeveralIsEnough() {
        UrlGuard guard = new UrlGuard(false, host ->
                new InetAddress[] {InetAddress.getByName("93.184.216.34"), InetAddress.getByName("10.0.0.1")});
        assertThrows(UrlGuard.Refused.class, () -> guard.check("https://mixed.example.com/"));
    }

    @Test
    void malformedAndUnresolvableUrlsAreRefused() {
        UrlGuard guard = new UrlGuard(false, host -> {
            throw new UnknownHostException(host);
        });
        assertThrows(UrlGuard.Refused.class, () -> guard.check("https://nowhere.invalid/"));
        assertThrows(UrlGuard.Refused.class, () -> guard.check("not a url"));
        assertThrows(UrlGuard.Refused.class, () -> guard.check("/relative"));
        assertThrows(UrlGuard.Refused.class, () -> guard.check("ftp://example.com/"));
        assertThrows(UrlGuard.Refused.class, () -> guard.check("https://user:pw@example.com/"));
    }
}
