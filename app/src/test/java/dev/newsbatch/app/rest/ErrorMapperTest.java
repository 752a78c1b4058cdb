package dev.newsbatch.app.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.newsbatch.JobNotFinishedException;
import dev.newsbatch.JobNotFoundException;
import dev.newsbatch.JobState;
import org.junit.jupiter.api.Test;

/** The SDK's typed job errors become 404 and 409 in the one JSON error shape. */
class ErrorMapperTest {
    @Test
    void jobNotFoundIsNotFoundNamingTheJobId() {
        RequestRejected r = ErrorMapper.classify(new JobNotFoundException("batches/x1", "job batches/x1 is unknown"));
        assertEquals(404, r.status());
        assertEquals("not_found", r.error());
        assertEquals("job_id", r.field());
        assertEquals("job batches/x1 is unknown", r.getMessage());
    }

    @Test
    void jobNotFinishedIsConflictSayingTheState() {
        RequestRejected r = ErrorMapper.classify(new JobNotFinishedException("batches/x2", JobState.RUNNING));
        assertEquals(409, r.status());
        assertEquals("not_ready", r.error());
        assertEquals("job_id", r.field());
        assertTrue(r.getMessage().contains("RUNNING"), r.getMessage());
    }

    @Test
    void otherBadArgumentsStayBadRequests() {
        assertEquals(400, ErrorMapper.classify(new IllegalArgumentException("x must be 1, was 2")).status());
    }
}
