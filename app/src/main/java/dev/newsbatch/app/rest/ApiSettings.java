package dev.newsbatch.app.rest;

import java.util.Objects;
import java.nio.file.Path;
import java.time.Duration;

/**
 * How the REST API is served: address, batch directory, bearer token, body limit and URL policy.
 * Immutable; every wither returns a copy.
 *
 * <pre>{@code
 * ApiSettings s = ApiSettings.ofDefaults().port(0).directory(Path.of("batch_jobs")).token("s3cret");
 * }</pre>
 *
 * @param host             the address to listen on. Default: {@code 127.0.0.1}
 * @param port             the TCP port; 0 picks a free one. Default: 8001
 * @param directory        the batch directory shared with the CLI. Default: {@code batch_jobs}
 * @param token            the bearer token every route but {@code /health} requires, or null for none
 * @param maxBodyBytes     the largest request body accepted (413 beyond). Default: 10 MiB
 * @param allowPrivateUrls accept URLs of private, loopback and link-local hosts. Default: false
 * @param pollInterval     the first pause between polls of {@code wait_for_completion}. Default: 2 s
 * @param idleTimeout      how long a request may send nothing before it is answered 408. Default: 30 s
 */
public record ApiSettings(String host, int port, Path directory, String token, long maxBodyBytes,
                          boolean allowPrivateUrls, Duration pollInterval, Duration idleTimeout) {

    public ApiSettings {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("host must not be blank, was " + (host == null ? "null" : "\"" + host + "\""));
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be between 0 and 65535, was " + port);
        }
        Objects.requireNonNull(directory, "directory must not be null");
        token = token == null || token.isBlank() ? null : token.trim();
        if (maxBodyBytes < 1) {
            throw new IllegalArgumentException("maxBodyBytes must be >= 1, was " + maxBodyBytes);
        }
        Objects.requireNonNull(pollInterval, "pollInterval must not be null");
        Objects.requireNonNull(idleTimeout, "idleTimeout must not be null");
        if (idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw new IllegalArgumentException("idleTimeout must be positive, was " + idleTimeout);
        }
    }

    /** Loopback, port 8001, {@code ./batch_jobs}, no token, 10 MiB bodies, public URLs only. */
    public static ApiSettings ofDefaults() {
        return new ApiSettings("127.0.0.1", 8001, Path.of("batch_jobs"), null, 10L * 1024 * 1024, false,
                Duration.ofSeconds(2), Duration.ofSeconds(30));
    }

    public ApiSettings host(String h) {
        return new ApiSettings(h, port, directory, token, maxBodyBytes, allowPrivateUrls, pollInterval, idleTimeout);
    }

    public ApiSettings port(int p) {
        return new ApiSettings(host, p, directory, token, maxBodyBytes, allowPrivateUrls, pollInterval, idleTimeout);
    }

    public ApiSettings directory(Path d) {
        return new ApiSettings(host, port, d, token, maxBodyBytes, allowPrivateUrls, pollInterval, idleTimeout);
    }

    public ApiSettings token(String t) {
        return new ApiSettings(host, port, directory, t, maxBodyBytes, allowPrivateUrls, pollInterval, idleTimeout);
    }

    public ApiSettings maxBodyBytes(long bytes) {
        return new ApiSettings(host, port, directory, token, bytes, allowPrivateUrls, pollInterval, idleTimeout);
    }

    public ApiSettings allowPrivateUrls(boolean allow) {
        return new ApiSettings(host, port, directory, token, maxBodyBytes, allow, pollInterval, idleTimeout);
    }

    public ApiSettings pollInterval(Duration d) {
        return new ApiSettings(host, port, directory, token, maxBodyBytes, allowPrivateUrls, d, idleTimeout);
    }

    public ApiSettings idleTimeout(Duration d) {
        return new ApiSettings(host, port, directory, token, maxBodyBytes, allowPrivateUrls, pollInterval, d);
    }

    @Override
    public String toString() {
        return "ApiSettings[" + host + ":" + port + ", dir=" + directory + ", token=" + (token == null ? "none" : "set")
                + ", maxBodyBytes=" + maxBodyBytes + (allowPrivateUrls ? ", privateUrls=allowed" : "") + "]";
    }
}
