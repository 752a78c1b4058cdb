package dev.newsbatch.internal.run;

import dev.newsbatch.internal.engine.BatchEngine;
import dev.newsbatch.internal.gemini.GeminiConnection;
import dev.newsbatch.internal.gemini.GeminiGateway;
import dev.newsbatch.internal.Notices;
import dev.newsbatch.internal.store.Ledger;
import java.nio.file.Path;

/**
 * The resources of one call into the engine: the ledger, and a Gemini connection with the engine
 * over them, opened on first need (reading the ledger starts no emulator and opens no socket).
 * Opened per call and closed after, so nothing stays open between notebook cells.
 */
final class Session implements AutoCloseable {
    final Ledger ledger;
    private final Path directory;
    private dev.newsbatch.VertexTarget vertex;
    private GeminiConnection connection;
    private BatchEngine engine;

    private Session(Ledger ledger, Path directory, dev.newsbatch.VertexTarget vertex) {
        this.ledger = ledger;
        this.directory = directory;
        this.vertex = vertex;
    }

    static Session open(Path directory) {
        return open(directory, null);
    }

    /** A session whose batch jobs run on Vertex AI at {@code vertex}; null: as the environment says. */
    static Session open(Path directory, dev.newsbatch.VertexTarget vertex) {
        return new Session(Ledger.open(directory), directory, vertex);
    }

    /** The Gemini connection, opened on the first call. */
    synchronized GeminiConnection connection() {
        if (connection == null) {
            connection = vertex != null ? GeminiConnection.vertex(vertex, System.getenv())
                    : GeminiConnection.open(directory, System.getenv(), Notices::once);
        }
        return connection;
    }

    /**
     * Before the connection opens: a session opened without a Vertex AI target takes the one of the run that
     * submitted {@code jobName}, as the ledger recorded it, so a job is read and cancelled where it runs.
     */
    synchronized void targetOfJob(String jobName) {
        if (connection != null || vertex != null) {
            return;
        }
        ledger.jobByName(jobName).ifPresent(j -> vertex = Runner.config(ledger, j.runId()).vertex());
    }

    /** The gateway of {@link #connection()}. */
    GeminiGateway gateway() {
        return connection().gateway();
    }

    /** The engine over the ledger and the connection. */
    synchronized BatchEngine engine() {
        if (engine == null) {
            engine = new BatchEngine(connection().backend(), ledger, directory);
        }
        return engine;
    }

    @Override
    public synchronized void close() {
        try {
            if (connection != null) {
                connection.close();
            }
        } finally {
            ledger.close();
        }
    }
}
