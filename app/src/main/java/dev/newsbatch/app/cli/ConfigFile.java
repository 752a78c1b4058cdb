package dev.newsbatch.app.cli;

import dev.newsbatch.Thinking;
import dev.newsbatch.Tier;
import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Defaults for the command line from a properties file: {@code key = value} lines whose keys are the
 * long option names without dashes ({@code model}, {@code tier}, {@code dir}, {@code rpm} ...), with
 * {@code #} comments. Flags given on the command line override it; {@code dir} yields to
 * {@code NEWSBATCH_DIR}. The file is {@code --config FILE}, else {@code NEWSBATCH_CONFIG}, else
 * {@code ./newsbatch.properties}, else {@code ~/.config/newsbatch/config.properties}, when present.
 * Every key and value is checked on loading: a bad one names the file, the line and the key.
 *
 * <pre>{@code
 * cli.setDefaultValueProvider(ConfigFile.find(args, System.getenv()).orElse(null));
 * }</pre>
 */
final class ConfigFile implements IDefaultValueProvider {
    /** The keys a config file may set and what each takes. */
    private static final Map<String, String> KEYS = keys();

    private final Path file;
    private final Map<String, String> values;
    private final boolean dirFromEnvironment;

    private ConfigFile(Path file, Map<String, String> values, boolean dirFromEnvironment) {
        this.file = file;
        this.values = Map.copyOf(values);
        this.dirFromEnvironment = dirFromEnvironment;
    }

    private static Map<String, String> keys() {
        Map<String, String> k = new LinkedHashMap<>();
        k.put("dir", "a directory");
        k.put("model", "a model id (see `newsbatch models`)");
        k.put("tier", "free, tier1, tier2 or tier3");
        k.put("thinking", "least, default, off, dynamic, a token budget or minimal|low|medium|high");
        k.put("batch-size", "a whole number >= 1");
        k.put("poll-ms", "a whole number >= 1");
        k.put("enqueued-tokens", "a whole number >= 1");
        k.put("rpm", "a whole number >= 1");
        k.put("rpd", "a whole number >= 1");
        k.put("spend-per-10min", "an amount in USD above 0");
        k.put("spend-per-month", "an amount in USD above 0");
        k.put("cost-drift", "0 (off) or a factor >= 1");
        return k;
    }

    /** The keys a config file may set. */
    static List<String> knownKeys() {
        return List.copyOf(KEYS.keySet());
    }

    /**
     * The config file for these arguments and this environment, if any; an explicitly named file
     * ({@code --config}, {@code NEWSBATCH_CONFIG}) must exist.
     *
     * @throws IllegalArgumentException naming the file, line and key of a bad entry
     */
    static Optional<ConfigFile> find(String[] args, Map<String, String> env) {
        String named = null;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--config") && i + 1 < args.length) {
                named = args[i + 1];
            } else if (args[i].startsWith("--config=")) {
                named = args[i].substring("--config=".length());
            } else if (args[i].equals("--")) {
                break;
            }
        }
        if (named == null && env.get("NEWSBATCH_CONFIG") != null && !env.get("NEWSBATCH_CONFIG").isBlank()) {
            named = env.get("NEWSBATCH_CONFIG");
        }
        boolean dirFromEnv = env.get("NEWSBATCH_DIR") != null && !env.get("NEWSBATCH_DIR").isBlank();
        if (named != null) {
            Path p = Path.of(named);
            if (!Files.isRegularFile(p)) {
                throw new IllegalArgumentException("config file " + p + " does not exist or is not a regular file");
            }
            return Optional.of(load(p, dirFromEnv));
        }
        Path local = Path.of("newsbatch.properties");
        if (Files.isRegularFile(local)) {
            return Optional.of(load(local, dirFromEnv));
        }
        String home = env.getOrDefault("HOME", System.getProperty("user.home"));
        Path user = home == null ? null : Path.of(home, ".config", "newsbatch", "config.properties");
        return user != null && Files.isRegularFile(user) ? Optional.of(load(user, dirFromEnv)) : Optional.empty();
    }

    /** Reads and checks {@code file}. */
    static ConfigFile load(Path file, boolean dirFromEnvironment) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (MalformedInputException e) {
            throw new IllegalArgumentException("config file " + file + " is not UTF-8 text");
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read config file " + file + ": " + e.getMessage());
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (int n = 1; n <= lines.size(); n++) {
            String line = lines.get(n - 1).strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith("!")) {
                continue;
            }
            int eq = firstSeparator(line);
            String where = file + " line " + n;
            if (eq < 0) {
                throw new IllegalArgumentException(where + ": expected key = value, was \"" + line + "\"");
            }
            String key = line.substring(0, eq).strip();
            String value = line.substring(eq + 1).strip();
            if (!KEYS.containsKey(key)) {
                throw new IllegalArgumentException(where + ": unknown key \"" + key + "\"; known keys: "
                        + String.join(", ", KEYS.keySet()));
            }
            String problem = problem(key, value);
            if (problem != null) {
                throw new IllegalArgumentException(where + ": " + key + " must be " + KEYS.get(key) + ", was \""
                        + value + "\"" + (problem.isEmpty() ? "" : " (" + problem + ")"));
            }
            values.put(key, value);
        }
        return new ConfigFile(file, values, dirFromEnvironment);
    }

    private static int firstSeparator(String line) {
        int eq = line.indexOf('=');
        int colon = line.indexOf(':');
        return eq < 0 ? colon : colon < 0 ? eq : Math.min(eq, colon);
    }

    /** Null when {@code value} suits {@code key}, else what is wrong (possibly empty). */
    private static String problem(String key, String value) {
        if (value.isEmpty()) {
            return "";
        }
        try {
            switch (key) {
                case "tier" -> Tier.parse(value);
                case "thinking" -> Thinking.parse(value);
                case "batch-size", "poll-ms", "enqueued-tokens", "rpm", "rpd" -> {
                    if (Long.parseLong(value) < 1 || (!key.equals("enqueued-tokens") && !key.equals("poll-ms")
                            && Long.parseLong(value) > Integer.MAX_VALUE)) {
                        return "";
                    }
                }
                case "spend-per-10min", "spend-per-month" -> {
                    double d = Double.parseDouble(value);
                    if (!Double.isFinite(d) || d <= 0) {
                        return "";
                    }
                }
                case "cost-drift" -> {
                    double d = Double.parseDouble(value);
                    if (!Double.isFinite(d) || d < 0 || (d > 0 && d < 1)) {
                        return "";
                    }
                }
                default -> { }
            }
            return null;
        } catch (NumberFormatException e) {
            return "not a number";
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    /** The file the defaults came from. */
    Path file() {
        return file;
    }

    @Override
    public String defaultValue(ArgSpec arg) {
        if (!(arg instanceof OptionSpec option)) {
            return null;
        }
        String key = option.longestName().replaceFirst("^--", "");
        if (key.equals("dir") && dirFromEnvironment) {
            return null;
        }
        return values.get(key);
    }

    @Override
    public String toString() {
        return "ConfigFile[" + file + ", " + values.keySet() + "]";
    }
}
