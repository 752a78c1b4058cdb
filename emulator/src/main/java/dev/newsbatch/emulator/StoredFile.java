package dev.newsbatch.emulator;

import java.time.Duration;
import java.time.Instant;

/**
 * What the emulator keeps about one file (its bytes sit next to it).
 *
 * @param id          the id after {@code files/}
 * @param displayName the display name, or null
 * @param mimeType    the MIME type
 * @param sizeBytes   the size in bytes
 * @param createTime  RFC 3339 creation time
 * @param sha256Hash  the SHA-256 digest as the API shows it (base64 of the hex digest)
 * @param source      {@code UPLOADED} or {@code GENERATED}
 */
record StoredFile(String id, String displayName, String mimeType, long sizeBytes, String createTime,
                  String sha256Hash, String source) {

    /** Files expire 48 hours after creation, as on the real service. */
    static final Duration LIFETIME = Duration.ofHours(48);

    Instant expirationTime() {
        return Instant.parse(createTime).plus(LIFETIME);
    }

    boolean expiredAt(Instant now) {
        return !now.isBefore(expirationTime());
    }
}
