package dev.newsbatch.ingest;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.regex.Pattern;
import okhttp3.Dns;

/**
 * Refuses destinations outside the public internet: loopback, private, carrier-grade NAT, link-local (including
 * the 169.254.169.254 cloud metadata address), unique-local, multicast and wildcard addresses, unless allowed.
 * A host name is resolved once per connection, by {@link #checking(Dns)}: every address it resolves to must pass, and
 * the connection is made only to those checked addresses, so a second, different answer (DNS rebinding) is never used.
 */
final class AddressGuard {
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    /** A host refused for the addresses it resolves to; the message says which address and why. */
    static final class Refused extends UnknownHostException {
        private static final long serialVersionUID = 1L;

        Refused(String message) {
            super(message);
        }
    }

    private final boolean allowLoopback;
    private final boolean allowPrivate;

    AddressGuard(boolean allowLoopback, boolean allowPrivate) {
        this.allowLoopback = allowLoopback;
        this.allowPrivate = allowPrivate;
    }

    /**
     * Null when {@code host} may be fetched as far as can be told without a name lookup, else why not: an IP
     * literal is checked here; a host name is checked when it is resolved, by {@link #checking(Dns)}.
     */
    String literalRefusal(String host) {
        boolean v6 = host.startsWith("[") && host.endsWith("]");
        if (!v6 && !IPV4.matcher(host).matches()) {
            return null;
        }
        InetAddress a;
        try {
            a = InetAddress.getByName(v6 ? host.substring(1, host.length() - 1) : host);
        } catch (UnknownHostException e) {
            return host + " is not a valid address";
        }
        String why = refusal(a);
        return why == null ? null : host + " is " + why;
    }

    /**
     * A name lookup that asks {@code resolver} once and answers exactly the addresses it returned, after checking
     * every one of them.
     *
     * @throws Refused (from the lookup) if any address is refused
     */
    Dns checking(Dns resolver) {
        return host -> {
            List<InetAddress> all = List.copyOf(resolver.lookup(host));
            if (all.isEmpty()) {
                throw new UnknownHostException(host);
            }
            for (InetAddress a : all) {
                String why = refusal(a);
                if (why != null) {
                    throw new Refused(host + " resolves to " + a.getHostAddress() + ", " + why);
                }
            }
            return all;
        };
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
