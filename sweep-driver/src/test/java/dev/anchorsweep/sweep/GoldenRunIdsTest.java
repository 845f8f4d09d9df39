package dev.anchorsweep.sweep;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The run ids of the paper configs, pinned: the first and last seed of every arm of every configs/paper/*.conf. A run
 * id is what resume matches committed runs by, so any change here makes every existing sweep retrain from scratch.
 * If a change of identity is intended (a new setting must be left out of the canonical form while it has its old
 * behaviour, see the README's "Run ids"), update these lines and say so in the change's notes.
 */
class GoldenRunIdsTest {

    static final String GOLDEN = """
            all.conf | ex-2.10.1 | 0 | 50d395a804707e77
            all.conf | ex-2.10.1 | 59 | 2543320f278de7a5
            all.conf | ex-2.4.1 | 0 | 1e95e1ed6b469f62
            all.conf | ex-2.4.1 | 59 | 848f8639d3b36cf1
            all.conf | ex-2.5.1 | 0 | 18073de63f50d95c
            all.conf | ex-2.5.1 | 59 | 146469afe5a91387
            all.conf | ex-2.7.1 | 0 | 7960b6c9c8832f99
            all.conf | ex-2.7.1 | 59 | a5e484098d5b3818
            all.conf | ex-2.9.1 | 0 | 096195310b5bbae3
            all.conf | ex-2.9.1 | 59 | 063bbf6be9033b39
            anchor-only.conf | base | 0 | 18073de63f50d95c
            anchor-only.conf | base | 59 | 146469afe5a91387
            anchored.conf | base | 0 | 1e95e1ed6b469f62
            anchored.conf | base | 59 | 848f8639d3b36cf1
            hue-plane.conf | base | 0 | 7960b6c9c8832f99
            hue-plane.conf | base | 59 | a5e484098d5b3818
            isolated-adaptive.conf | base | 0 | 096195310b5bbae3
            isolated-adaptive.conf | base | 59 | 063bbf6be9033b39
            isolated-no-anti-anchor.conf | base | 0 | 50d395a804707e77
            isolated-no-anti-anchor.conf | base | 59 | 2543320f278de7a5
            isolated.conf | base | 0 | 096195310b5bbae3
            isolated.conf | base | 59 | 063bbf6be9033b39
            regularizer-combinations.conf | regularizers=anchor | 0 | 76e49c0d089c8f39
            regularizer-combinations.conf | regularizers=separate | 0 | ac3ec525c2859470
            regularizer-combinations.conf | regularizers=anchor+separate | 0 | fc136190c718fbd4
            regularizer-combinations.conf | regularizers=planarity | 0 | c2d2abd91f45cbe4
            regularizer-combinations.conf | regularizers=anchor+planarity | 0 | 36d18158363b3138
            regularizer-combinations.conf | regularizers=separate+planarity | 0 | 0c1c36e49dceddde
            regularizer-combinations.conf | regularizers=anchor+separate+planarity | 0 | 81f4c10966d25e3a
            regularizer-combinations.conf | regularizers=unitarity-vibrant | 0 | a7afb935e98cba5f
            regularizer-combinations.conf | regularizers=anchor+unitarity-vibrant | 0 | 26ff7f190177e3b2
            regularizer-combinations.conf | regularizers=separate+unitarity-vibrant | 0 | a63be244412ffd50
            regularizer-combinations.conf | regularizers=anchor+separate+unitarity-vibrant | 0 | 66879d565806f9eb
            regularizer-combinations.conf | regularizers=planarity+unitarity-vibrant | 0 | 6e7e40f29c9cdbbe
            regularizer-combinations.conf | regularizers=anchor+planarity+unitarity-vibrant | 0 | fd5bb04690b5879c
            regularizer-combinations.conf | regularizers=separate+planarity+unitarity-vibrant | 0 | 91da3dcb58dc825d
            regularizer-combinations.conf | regularizers=anchor+separate+planarity+unitarity-vibrant | 0 | bc67963ae6af4f9e
            regularizer-combinations.conf | regularizers=unitarity-all | 0 | cc1acd3ae7038987
            regularizer-combinations.conf | regularizers=anchor+unitarity-all | 0 | b6ab83908ff511ea
            regularizer-combinations.conf | regularizers=separate+unitarity-all | 0 | 2133647f178f2a00
            regularizer-combinations.conf | regularizers=anchor+separate+unitarity-all | 0 | ea2363e64a8b1e7f
            regularizer-combinations.conf | regularizers=planarity+unitarity-all | 0 | 13a5e702190841b1
            regularizer-combinations.conf | regularizers=anchor+planarity+unitarity-all | 0 | efaba4c027c0ea06
            regularizer-combinations.conf | regularizers=separate+planarity+unitarity-all | 0 | c51eeeafa38909ba
            regularizer-combinations.conf | regularizers=anchor+separate+planarity+unitarity-all | 0 | 0d6821fc1839ad19
            regularizer-combinations.conf | regularizers=unitarity-vibrant+unitarity-all | 0 | c058b767bb99fa11
            regularizer-combinations.conf | regularizers=anchor+unitarity-vibrant+unitarity-all | 0 | 7feaed924728d697
            regularizer-combinations.conf | regularizers=separate+unitarity-vibrant+unitarity-all | 0 | 06ac5285d28271a4
            regularizer-combinations.conf | regularizers=anchor+separate+unitarity-vibrant+unitarity-all | 0 | 83a579434e2e2942
            regularizer-combinations.conf | regularizers=planarity+unitarity-vibrant+unitarity-all | 0 | 7372daa796073480
            regularizer-combinations.conf | regularizers=anchor+planarity+unitarity-vibrant+unitarity-all | 0 | afc1dc82404130b5
            regularizer-combinations.conf | regularizers=separate+planarity+unitarity-vibrant+unitarity-all | 0 | b5386f35a405ddc8
            regularizer-combinations.conf | regularizers=anchor+separate+planarity+unitarity-vibrant+unitarity-all | 0 | df73301f614d607a
            """;

    @Test
    void runIdsOfThePaperConfigsAreUnchanged() throws IOException {
        assertEquals(GOLDEN, current(), "the run ids of the paper configs changed: resuming any existing sweep would"
                + " silently retrain every run");
    }

    /** "file | arm | seed | run_id" for the first and last seed of every arm, one a line. */
    static String current() throws IOException {
        List<Path> files;
        try (Stream<Path> list = Files.list(SweepFiles.paperConfigs())) {
            files = list.filter(p -> p.toString().endsWith(".conf")).sorted().toList();
        }
        StringBuilder sb = new StringBuilder();
        for (Path file : files) {
            SweepPlan plan = SweepPlanner.load(file);
            for (Arm arm : plan.arms()) {
                List<PlannedRun> runs = new ArrayList<>(arm.runs());
                int first = runs.stream().mapToInt(PlannedRun::seed).min().orElseThrow();
                int last = runs.stream().mapToInt(PlannedRun::seed).max().orElseThrow();
                for (PlannedRun run : runs) {
                    if (run.seed() == first || run.seed() == last) {
                        sb.append(file.getFileName()).append(" | ").append(arm.name()).append(" | ").append(run.seed())
                                .append(" | ").append(run.runId()).append('\n');
                    }
                }
            }
        }
        return sb.toString();
    }
}
