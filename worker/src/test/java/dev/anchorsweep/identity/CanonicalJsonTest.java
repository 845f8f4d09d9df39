package dev.anchorsweep.identity;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CanonicalJsonTest {

    @Test
    void sortsKeysAtEveryLevelAndKeepsListOrder() {
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("z", List.of(3, 1, 2));
        inner.put("a", null);
        Map<String, Object> outer = new LinkedHashMap<>();
        outer.put("b", inner);
        outer.put("a-b", true);
        outer.put("a", "x");
        assertEquals("{\"a\":\"x\",\"a-b\":true,\"b\":{\"a\":null,\"z\":[3,1,2]}}", CanonicalJson.of(outer));
    }

    @Test
    void writesNumbersArraysAndNestedCanonicalValues() {
        Canonical point = () -> Map.of("y", new double[] {1.0, -0.0, 0.5}, "x", new int[] {2});
        assertEquals("[{\"x\":[2],\"y\":[1,0,0.5]},1e-8,7]", CanonicalJson.of(List.of(point, 1e-8, 7L)));
    }

    @Test
    void escapesOnlyQuotesBackslashesAndControlCharacters() {
        assertEquals("\"a\\\"b\\\\c\\n\\u0001é→\"", CanonicalJson.of("a\"b\\c\n\u0001é→"));
    }

    @Test
    void refusesValuesWithoutAnExplicitForm() {
        record Named(String name) {
        }
        var e = assertThrows(IllegalArgumentException.class, () -> CanonicalJson.of(List.of(new Named("a"))));
        assertTrue(e.getMessage().contains("has no canonical form"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> CanonicalJson.of(Arrays.asList(1.5f)));
    }
}
