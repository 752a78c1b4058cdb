package dev.newsbatch.emulator;

/**
 * An open resumable upload: the file it will create and the size the client announced (-1 if none).
 *
 * @param token        the {@code upload_id} in the upload URL
 * @param fileId       id of the file created on finalize
 * @param displayName  display name, or null
 * @param mimeType     MIME type
 * @param declaredSize announced size in bytes, or -1
 */
record UploadSession(String token, String fileId, String displayName, String mimeType, long declaredSize) {}
