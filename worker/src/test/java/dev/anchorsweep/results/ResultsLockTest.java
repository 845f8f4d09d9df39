package dev.anchorsweep.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The results folder's lock on a real local folder, against real processes. */
class ResultsLockTest {

    @TempDir
    Path root;

    @Test
    void aSecondWriterIsRefusedWhileTheFirstHoldsTheLock() throws Exception {
        List<String> warnings = new ArrayList<>();
        try (ResultsLock first = ResultsLock.acquire(root.toString(), new Configuration(), warnings::add)) {
            assertTrue(Files.exists(root.resolve("_lock")));
            ResultsFolderException e = assertThrows(ResultsFolderException.class,
                    () -> ResultsLock.acquire(root.toString(), new Configuration(), warnings::add));
            String expected = "results folder " + root + " is being written by pid " + ProcessHandle.current().pid()
                    + " on host " + ResultsLock.host() + " since ";
            assertTrue(e.getMessage().startsWith(expected), e.getMessage());
            assertTrue(e.getMessage().endsWith(" s ago); wait for it or stop it"), e.getMessage());
        }
        assertFalse(Files.exists(root.resolve("_lock")), "released on close");
        try (ResultsLock again = ResultsLock.acquire(root.toString(), new Configuration(), warnings::add)) {
            assertTrue(Files.exists(root.resolve("_lock")));
        }
        assertEquals(List.of(), warnings);
    }

    @Test
    void aLockOfADeadProcessOnThisHostIsTakenOverWithAWarning() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Instant now = Instant.now();
        Files.writeString(root.resolve("_lock"),
                new ResultsLock.Holder(ResultsLock.host(), gone.pid(), now, now, "t").text());
        List<String> warnings = new ArrayList<>();
        try (ResultsLock lock = ResultsLock.acquire(root.toString(), new Configuration(), warnings::add)) {
            assertTrue(Files.readString(root.resolve("_lock")).contains("pid=" + ProcessHandle.current().pid()));
        }
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).startsWith("warning: taking over the lock of results folder " + root + " from pid "
                + gone.pid() + " on host "), warnings.get(0));
        assertTrue(warnings.get(0).endsWith("pid " + gone.pid() + " is no longer running"), warnings.get(0));
    }

    @Test
    void aLockWithoutAHeartbeatForAMinuteIsTakenOver() throws Exception {
        Instant then = Instant.now().minusSeconds(300);
        Files.writeString(root.resolve("_lock"), new ResultsLock.Holder("other-host", 1, then, then, "t").text());
        List<String> warnings = new ArrayList<>();
        try (ResultsLock lock = ResultsLock.acquire(root.toString(), new Configuration(), warnings::add)) {
            assertEquals(1, warnings.size(), warnings.toString());
            assertTrue(warnings.get(0).endsWith("no heartbeat for 5 min"), warnings.get(0));
        }
    }

    @Test
    void aLiveLockOnAnotherHostIsRespected() throws Exception {
        Instant now = Instant.now();
        Files.writeString(root.resolve("_lock"), new ResultsLock.Holder("other-host", 1, now, now, "t").text());
        ResultsFolderException e = assertThrows(ResultsFolderException.class,
                () -> ResultsLock.acquire(root.toString(), new Configuration(), w -> { }));
        assertTrue(e.getMessage().contains("is being written by pid 1 on host other-host since "), e.getMessage());
        assertTrue(Files.exists(root.resolve("_lock")), "another's lock is left alone");
    }
}
