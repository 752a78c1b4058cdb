package dev.newsbatch.ingest;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Refuses destinations outside the public internet: loopback, private, carrier-grade NAT, link-local (including
 * the 169.254.169.254 cloud metadata address), unique-local, multicast and wildcard addresses, unless allowed.
 * Host names are resolved first and every address they resolve to must pass.
 */
final class AddressGuard {
    private final boolean allowLoopback;
    private final boolean allowPrivate;

    AddressGuard(boolean allowLoopback, boolean allowPrivate) {
        this.allowLoopback = allowLoopback;
        this.allowPrivate = allowPrivate;
    }

    /**
     * Null when {@code host} may be fetched, else why not.
     *
     * @throws UnknownHostException if the host does not resolve
     */
    String refusal(String host) throws UnknownHostException {
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        for (InetAddress a : InetAddress.getAllByName(h)) {
            String why = refusal(a);
            if (why != null) {
                return host + " resolves to " + a.getHostAddress() + ", " + why;
            }
        }
        return null;
    }

    String refusal(InetAddress a) {
        if (a.isLoopbackAddress()) {
            return allowLoopback ? null : "a loopback address";
        }
        if (allowPrivate) {
            return null;
        }
        if (a.isAnyLocalAddress()) {
            return "a wildcard address";
        }
        if (a.isLinkLocalAddress()) {
            return "a link-local address";
        }
        if (a.isSiteLocalAddress()) {
            return "a private address";
        }
        if (a.isMulticastAddress()) {
            return "a multicast address";
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet4Address) {
            int first = b[0] & 0xFF;
            int second = b[1] & 0xFF;
            if (first == 0) {
                return "a reserved address";
            }
            if (first == 100 && second >= 64 && second < 128) {
                return "a carrier-grade NAT address";
            }
            if (first >= 240) {
                return "a reserved address";
            }
        } else if (a instanceof Inet6Address) {
            if ((b[0] & 0xFE) == 0xFC) {
                return "a unique-local address";
            }
        }
        return null;
    }
}
