package dev.newsbatch.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The Allow and Disallow rules of a robots.txt that apply to one user agent: the group naming the agent's
 * product token, else the {@code *} group. The longest matching rule wins; Allow wins a tie. {@code *} in a
 * rule matches any characters and a trailing {@code $} anchors it.
 */
final class RobotsRules {
    static final RobotsRules ALLOW_ALL = new RobotsRules(List.of());

    private final List<String[]> rules;   // {"allow"|"disallow", pattern}

    private RobotsRules(List<String[]> rules) {
        this.rules = rules;
    }

    static RobotsRules parse(String text, String userAgent) {
        String token = userAgent.split("[/ ]")[0].toLowerCase(Locale.ROOT);
        List<String[]> mine = new ArrayList<>();
        List<String[]> star = new ArrayList<>();
        List<String> agents = new ArrayList<>();
        boolean inRules = false;
        for (String raw : text.split("\r?\n|\r")) {
            int hash = raw.indexOf('#');
            String line = (hash >= 0 ? raw.substring(0, hash) : raw).strip();
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String key = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).strip();
            if (key.equals("user-agent")) {
                if (inRules) {
                    agents.clear();
                    inRules = false;
                }
                agents.add(value.toLowerCase(Locale.ROOT));
            } else if (key.equals("allow") || key.equals("disallow")) {
                inRules = true;
                if (value.isEmpty()) {
                    continue;
                }
                for (String agent : agents) {
                    if (agent.equals("*")) {
                        star.add(new String[] {key, value});
                    } else if (token.contains(agent) || agent.contains(token)) {
                        mine.add(new String[] {key, value});
                    }
                }
            }
        }
        return new RobotsRules(mine.isEmpty() ? star : mine);
    }

    /** Whether {@code pathAndQuery} may be fetched. */
    boolean allows(String pathAndQuery) {
        int best = -1;
        boolean allow = true;
        for (String[] r : rules) {
            if (matches(r[1], pathAndQuery)) {
                int len = r[1].length();
                if (len > best || (len == best && r[0].equals("allow"))) {
                    best = len;
                    allow = r[0].equals("allow");
                }
            }
        }
        return allow;
    }

    private static boolean matches(String pattern, String path) {
        boolean anchored = pattern.endsWith("$");
        String p = anchored ? pattern.substring(0, pattern.length() - 1) : pattern;
        String regex = "\\Q" + p.replace("*", "\\E.*\\Q") + "\\E" + (anchored ? "" : ".*");
        return path.matches(regex);
    }
}
