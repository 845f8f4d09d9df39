package dev.anchorsweep.train;

import org.junit.jupiter.api.Test;
import org.nd4j.imports.VariableUtils;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The worker's copy of ND4J's VariableUtils is the one loaded, and strips exactly what the original's regex did. */
class VariableUtilsPatchTest {

    @Test
    void thePatchedClassIsLoadedAheadOfNd4j() throws Exception {
        assertTrue(VariableUtils.class.getField("ANCHOR_SWEEP_PATCHED").getBoolean(null),
                "org.nd4j.imports.VariableUtils must come from the worker, not nd4j-api: "
                        + VariableUtils.class.getProtectionDomain().getCodeSource().getLocation());
    }

    @Test
    void stripsLikeTheOriginalRegex() {
        for (String name : List.of("", ":", "a", "a:", "a:0", "a:12", "a:b", "a:1b", "a:b:3", "a:3:b", "dense/w:1",
                ":7", "x:0:0", "a\n:1", "grad-of-mul:10", "é:٣")) {
            String expected = name.matches(".*:\\d+") ? name.substring(0, name.lastIndexOf(':')) : name;
            assertEquals(expected, VariableUtils.stripVarSuffix(name), "stripVarSuffix(\"" + name + "\")");
        }
        assertEquals(null, VariableUtils.stripVarSuffix(null));
    }
}
