package dev.newsbatch.app.cli;

import dev.newsbatch.Batches;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/**
 * What {@code newsbatch version} and {@code --version} print: the newsbatch version, the google-genai SDK
 * version, the date of the bundled model catalogue and the Java runtime.
 *
 * <pre>{@code
 * VersionInfo.current().lines();   // [newsbatch 0.1.0-SNAPSHOT, google-genai 2.0.0, ...]
 * }</pre>
 */
record VersionInfo(String newsbatch, String googleGenai, String catalogue, String java) implements IVersionProvider {
    /** Needed by picocli, which instantiates the provider. */
    VersionInfo() {
        this(null, null, null, null);
    }

    static VersionInfo current() {
        return new VersionInfo(mavenVersion("dev.newsbatch", "newsbatch-app"),
                mavenVersion("com.google.genai", "google-genai"), Batches.catalogueDate(),
                System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")");
    }

    List<String> lines() {
        return List.of("newsbatch    " + newsbatch, "google-genai " + googleGenai, "catalogue    " + catalogue
                + " (models, prices, limits; see `newsbatch models`)", "java         " + java);
    }

    @Override
    public String[] getVersion() {
        return current().lines().toArray(String[]::new);
    }

    /** The version in a jar's Maven metadata, or {@code unknown} when run from classes without it. */
    private static String mavenVersion(String group, String artifact) {
        String resource = "/META-INF/maven/" + group + "/" + artifact + "/pom.properties";
        try (InputStream in = VersionInfo.class.getResourceAsStream(resource)) {
            if (in == null) {
                return "unknown (not run from a jar)";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }
}
