package ir.sarkhat.comment.comments;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/** The network a sender is in, which is all of an IP address this service stores: IPv4 /24, IPv6 /48. */
final class IpPrefixes {

    private static final Pattern IP_LITERAL = Pattern.compile("[0-9.]+|[0-9a-fA-F:.%]*:[0-9a-fA-F:.%a-zA-Z]*");

    private IpPrefixes() {
    }

    /** e.g. {@code 203.0.113.0/24} or {@code 2001:db8:1:0:0:0:0:0/48}; null when the text is not an IP literal. */
    static String of(String ip) {
        InetAddress address = parse(ip);
        if (address instanceof Inet4Address) {
            byte[] b = address.getAddress();
            return (b[0] & 0xff) + "." + (b[1] & 0xff) + "." + (b[2] & 0xff) + ".0/24";
        }
        if (address instanceof Inet6Address) {
            byte[] b = address.getAddress();
            return String.format("%x:%x:%x::/48", ((b[0] & 0xff) << 8) | (b[1] & 0xff),
                    ((b[2] & 0xff) << 8) | (b[3] & 0xff), ((b[4] & 0xff) << 8) | (b[5] & 0xff));
        }
        return null;
    }

    /** Parses an IP literal without ever asking DNS. */
    static InetAddress parse(String ip) {
        if (ip == null || ip.length() > 64 || !IP_LITERAL.matcher(ip).matches()) {
            return null;
        }
        try {
            return InetAddress.getByName(ip);
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
