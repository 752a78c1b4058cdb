package dev.newsbatch.app.rest;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Which URLs the API accepts for fetching: http and https only, and, unless explicitly allowed, no
 * host that is or resolves to a private, loopback, link-local, wildcard or multicast address (so the
 * service cannot be used to reach the network behind it).
 *
 * <pre>{@code
 * URI u = UrlPolicy.publicOnly().check("urls[0]", "https://example.com/news/1");
 * }</pre>
 */
public final class UrlPolicy {
    private final boolean allowPrivate;

    private UrlPolicy(boolean allowPrivate) {
        this.allowPrivate = allowPrivate;
    }

    /** Public http(s) hosts only. */
    public static UrlPolicy publicOnly() {
        return new UrlPolicy(false);
    }

    /** Any http(s) host, private ones included. */
    public static UrlPolicy allowingPrivate() {
        return new UrlPolicy(true);
    }

    /**
     * Checks {@code value}, naming {@code field} in the message when it is refused.
     *
     * @throws RequestRejected (400) if the URL is malformed, not http(s) or points to a private address
     */
    public URI check(String field, String value) {
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            throw RequestRejected.badField(field, field + " must be a valid URL, was \"" + value + "\"");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            throw RequestRejected.badField(field, field + " must be an http or https URL with a host, was \""
                    + value + "\"");
        }
        if (!allowPrivate) {
            for (InetAddress address : resolve(field, uri.getHost())) {
                if (isPrivate(address)) {
                    throw RequestRejected.badField(field, field + " must not point to a private, loopback or "
                            + "link-local address, was \"" + value + "\" (" + address.getHostAddress() + ")");
                }
            }
        }
        return uri;
    }

    /** True for loopback, private (RFC 1918, fc00::/7), link-local, carrier-grade NAT, wildcard and multicast. */
    static boolean isPrivate(InetAddress a) {
        if (a.isLoopbackAddress() || a.isSiteLocalAddress() || a.isLinkLocalAddress() || a.isAnyLocalAddress()
                || a.isMulticastAddress()) {
            return true;
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet6Address) {
            return (b[0] & 0xfe) == 0xfc;
        }
        return (b[0] & 0xff) == 100 && (b[1] & 0xc0) == 64 || (b[0] & 0xff) == 0;
    }

    private static InetAddress[] resolve(String field, String host) {
        try {
            return InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            throw RequestRejected.badField(field, field + " host does not resolve, was \"" + host + "\"");
        }
    }

    @Override
    public String toString() {
        return "UrlPolicy[" + (allowPrivate ? "any http(s) host" : "public http(s) hosts only") + "]";
    }
}
