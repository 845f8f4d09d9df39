package dev.anchorsweep.train;

import org.junit.jupiter.api.Test;
import org.nd4j.imports.VariableUtils;

import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
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
    void theTrainersStartUpCheckPassesHereAndFailsOnNd4jsOwnCopy() throws Exception {
        VariableUtilsPatch.requireLoaded();
        String nd4jApi = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(p -> new File(p).getName().startsWith("nd4j-api-")).findFirst().orElseThrow();
        try (URLClassLoader nd4jFirst = new URLClassLoader(new URL[] {new File(nd4jApi).toURI().toURL()}, null)) {
            Class<?> original = nd4jFirst.loadClass(VariableUtils.class.getName());
            var e = assertThrows(IllegalStateException.class, () -> VariableUtilsPatch.require(original));
            assertTrue(e.getMessage().contains(new File(nd4jApi).getName())
                    && e.getMessage().contains("must come before nd4j-api"), e.getMessage());
        }
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
