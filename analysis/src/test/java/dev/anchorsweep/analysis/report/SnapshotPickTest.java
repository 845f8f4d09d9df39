package dev.anchorsweep.analysis.report;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SnapshotPickTest {

    static List<Integer> every(int n, int last) {
        List<Integer> out = new ArrayList<>();
        for (int s = 0; s <= last; s += n) out.add(s);
        return out;
    }

    @Test
    void thumbnailsAreStepZeroAndTheSnapshotsNearestToAGeometricSequence() {
        // every 200 steps to 10,000: 0, then 9 points 200 · 50^(i/8) = 200, 326, 532, 867, 1414, 2305, 3761, 6131,
        // 10000, each replaced by the snapshot nearest in log step (326 → 400: log(400/326) < log(326/200))
        assertEquals(List.of(0, 200, 400, 600, 800, 1400, 2400, 3800, 6200, 10000),
                SnapshotPick.geometric(every(200, 10_000), 10));
        // without step 0: all ten geometric, 100 · 10^(i/9) over snapshots every 100 to 1000: 100, 129 → 100 (taken),
        // 167 → 200, 215 → 200, 278 → 300, 359 → 400, 464 → 500, 599 → 600, 774 → 800, 1000
        assertEquals(List.of(100, 200, 300, 400, 500, 600, 800, 1000),
                SnapshotPick.geometric(every(100, 1000).subList(1, 11), 10));
        // fewer snapshots than thumbnails: each at most once
        assertEquals(List.of(0, 30, 60), SnapshotPick.geometric(List.of(60, 0, 30), 10));
        assertEquals(List.of(), SnapshotPick.geometric(List.of(), 10));
    }

    @Test
    void framesAreSpreadEvenlyWithTheFirstAndLast() {
        assertEquals(List.of(0, 10, 20), SnapshotPick.even(List.of(20, 0, 10), 50));
        // 11 snapshots, at most 5: positions 0, 2.5 → 3 (round half up), 5, 7.5 → 8, 10
        assertEquals(List.of(0, 30, 50, 80, 100), SnapshotPick.even(every(10, 100), 5));
    }
}
