package dev.newsbatch.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileTest {
    @TempDir
    Path dir;

    @Test
    void writersOfTheSameFileAtOnceEachLeaveAWholeFileAndNoTemporary() throws Exception {
        Path file = dir.resolve("job_tracking.json");
        int writers = 16;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        try {
            for (int w = 0; w < writers; w++) {
                String text = ("writer " + w + "\n").repeat(2_000);
                done.add(pool.submit(() -> {
                    go.await();
                    for (int i = 0; i < 20; i++) {
                        AtomicFile.write(file, out -> out.write(text));
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> f : done) {
                f.get();   // none failed
            }
        } finally {
            pool.shutdown();
        }
        String content = Files.readString(file);
        String first = content.substring(0, content.indexOf('\n') + 1);
        assertEquals(first.repeat(2_000), content, "one writer's whole text");
        try (Stream<Path> left = Files.list(dir)) {
            assertTrue(left.allMatch(file::equals), "no temporary file is left");
        }
    }
}
