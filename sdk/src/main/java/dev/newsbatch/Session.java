package dev.newsbatch;

import dev.newsbatch.engine.BatchEngine;
import dev.newsbatch.gemini.GeminiConnection;
import dev.newsbatch.store.Ledger;
import java.nio.file.Path;

/**
 * The resources of one call into the engine: a Gemini connection, the ledger and the engine over
 * them. Opened per call and closed after, so nothing stays open between notebook cells.
 */
final class Session implements AutoCloseable {
    final GeminiConnection connection;
    final Ledger ledger;
    final BatchEngine engine;

    private Session(GeminiConnection connection, Ledger ledger, Path directory) {
        this.connection = connection;
        this.ledger = ledger;
        this.engine = new BatchEngine(connection.gateway(), ledger, directory);
    }

    static Session open(Path directory) {
        Ledger ledger = Ledger.open(directory);
        try {
            return new Session(GeminiConnection.open(directory, System.getenv(), Notices::once), ledger, directory);
        } catch (RuntimeException e) {
            ledger.close();
            throw e;
        }
    }

    @Override
    public void close() {
        try {
            connection.close();
        } finally {
            ledger.close();
        }
    }
}
