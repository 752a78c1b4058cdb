package dev.newsbatch.internal.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackgroundOutputTest {
    @TempDir
    Path dir;

    @Test
    void everyByteReachesTheFileInOrderAndFlushWaitsForThem() throws Exception {
        Path file = dir.resolve("out.bin");
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        Random random = new Random(7);
        try (BackgroundOutput out = new BackgroundOutput(Files.newOutputStream(file), 1000, "test-write")) {
            for (int i = 0; i < 2_000; i++) {
                byte[] b = new byte[random.nextInt(i % 100 == 0 ? 5_000 : 300)];   // some longer than a buffer
                random.nextBytes(b);
                int off = b.length == 0 ? 0 : random.nextInt(b.length);
                out.write(b, off, b.length - off);
                expected.write(b, off, b.length - off);
                if (b.length > off) {
                    b[b.length - 1] ^= 1;   // the caller reuses its array at once
                }
                if (i % 500 == 499) {
                    out.flush();
                    assertArrayEquals(expected.toByteArray(), Files.readAllBytes(file), "after flush " + i);
                }
            }
            out.write('!');
            expected.write('!');
        }
        assertArrayEquals(expected.toByteArray(), Files.readAllBytes(file));
    }

    @Test
    void theFilesFirstFailureComesBackAndTheFileIsStillClosed() throws Exception {
        AtomicBoolean closed = new AtomicBoolean();
        OutputStream failing = new OutputStream() {
            int writes;

            @Override
            public void write(int b) {
                throw new UnsupportedOperationException();
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                if (++writes == 3) {
                    throw new IOException("No space left on device");
                }
            }

            @Override
            public void close() {
                closed.set(true);
            }
        };
        BackgroundOutput out = new BackgroundOutput(failing, 10, "test-write");
        for (int i = 0; i < 5; i++) {
            out.write(new byte[10], 0, 10);
        }
        IOException flush = assertThrows(IOException.class, out::flush);
        assertEquals("No space left on device", flush.getMessage());
        assertThrows(IOException.class, () -> out.write(new byte[1], 0, 1));
        IOException close = assertThrows(IOException.class, out::close);
        assertEquals("No space left on device", close.getMessage());
        assertTrue(closed.get(), "the file is closed after a failure too");
        out.close();   // once closed, closing again does nothing
    }
}
