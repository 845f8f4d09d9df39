package dev.anchorsweep.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The published dopesheets (reference-dopesheets/README.md, SCA-SPEC §4) resolve to the documented keys. */
class ReferenceDopesheetsTest {

    static final String LR = "0:1e-8, 10:0.01, 750:0.1, 1425:0.1, 1500:0.05";

    static Dopesheet reference(String experiment) {
        try {
            String resource = "/dopesheets/ex-" + experiment + "-dopesheet.csv";
            return Dopesheet.read(Path.of(ReferenceDopesheetsTest.class.getResource(resource).toURI()));
        } catch (URISyntaxException e) {
            throw new AssertionError(e);
        }
    }

    static void assertSchedules(Map<String, String> expected, Dopesheet sheet) {
        assertEquals(List.copyOf(expected.keySet()), sheet.properties());
        Map<String, KeyframeSchedule> schedules = new LinkedHashMap<>();
        expected.forEach((property, keys) -> schedules.put(property, Keys.minJerk(keys)));
        assertEquals(schedules, sheet.schedules());
        expected.forEach((property, keys) -> assertEquals(Keys.minJerk(keys), sheet.schedule(property)));
    }

    static Map<String, String> ordered(String... propertyAndKeys) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < propertyAndKeys.length; i += 2) {
            map.put(propertyAndKeys[i], propertyAndKeys[i + 1]);
        }
        return map;
    }

    @Test
    void isolated_2_9_1() {
        Dopesheet sheet = reference("2.9.1");
        assertSchedules(ordered(
                "lr", LR,
                "separate", "248:0.01, 750:0.001, 1425:0",
                "anchor", "0:0, 248:0.1, 750:0.1, 1425:0",
                "anti-anchor", "0:0, 248:0.05, 1425:0",
                "anti-subspace", "0:0.25, 750:0.003, 1425:0"), sheet);
        assertEquals(1501, sheet.length());
        assertEquals(Map.of(0, "Train"), sheet.phases());
        assertEquals(Map.of(), sheet.actions());
        assertEquals("ex-2.9.1-dopesheet.csv", sheet.sourceName());
    }

    @Test
    void anchored_2_4_1() {
        Dopesheet sheet = reference("2.4.1");
        assertSchedules(ordered(
                "lr", LR,
                "separate", "750:0.01, 1425:0",
                "anchor", "0:0.01, 750:0.1, 1425:0",
                "subspace", "0:0.01, 375:0.1, 1125:0.1, 1425:0"), sheet);
        assertEquals(1501, sheet.length());
    }

    @Test
    void anchored_2_5_1() {
        Dopesheet sheet = reference("2.5.1");
        assertSchedules(ordered(
                "lr", LR,
                "separate", "750:0.015, 1425:0",
                "anchor", "0:0.01, 750:0.1, 1425:0"), sheet);
        assertEquals(1501, sheet.length());
    }

    @Test
    void hue_2_7_1() {
        Dopesheet sheet = reference("2.7.1");
        assertSchedules(ordered(
                "lr", LR,
                "separate", "750:0.01, 1425:0",
                "subspace", "0:0.01, 375:0.1, 1125:0.1, 1425:0"), sheet);
        assertEquals(1501, sheet.length());
    }

    @Test
    void isolatedWithoutAntiAnchor_2_10_1_hasRowsWithoutValues() {
        Dopesheet sheet = reference("2.10.1");
        // the +0.66 (step 495) and +0.5 (step 1125) rows carry no values
        assertSchedules(ordered(
                "lr", LR,
                "separate", "248:0.01, 750:0.001, 1425:0",
                "anchor", "0:0, 248:0.1, 750:0.12, 1425:0",
                "anti-subspace", "0:0.25, 750:0.005, 1425:0"), sheet);
        assertEquals(1501, sheet.length());
    }

    @Test
    void regularizerStudies_1_7_and_1_8_useTheOlderNamesAnd10001Steps() {
        for (String experiment : List.of("1.7", "1.8")) {
            Dopesheet sheet = reference(experiment);
            assertSchedules(ordered(
                    "lr", "0:1e-8, 10:0.01, 5000:0.01, 10000:0.005",
                    "reg-separate", "0:.001, 500:.02, 2500:.01, 5000:.001",
                    "reg-planar", "0:.02, 2500:.08, 5000:.02",
                    "reg-norm", "0:.01, 5000:.2",
                    "reg-norm-v", "0:.02",
                    "reg-polar", "5000:.006, 7500:.0002"), sheet);
            assertEquals(10001, sheet.length());
            assertEquals(0.006, sheet.schedule("reg-polar").valueAt(100));
            assertEquals(0.02, sheet.schedule("reg-norm-v").valueAt(9000));
        }
    }

    @Test
    void specSpotValuesThroughTheImportedSheets() {
        Dopesheet anchored = reference("2.4.1");
        KeyframeScheduleTest.assertRelative(0.019969, anchored.schedule("lr").valueAt(200));
        KeyframeScheduleTest.assertRelative(0.020968, anchored.schedule("anchor").valueAt(200));
        KeyframeScheduleTest.assertRelative(0.060608, anchored.schedule("subspace").valueAt(200));
        Dopesheet isolated = reference("2.9.1");
        KeyframeScheduleTest.assertRelative(0.05484, isolated.schedule("anti-subspace").valueAt(500));
        KeyframeScheduleTest.assertRelative(0.046534, isolated.schedule("anti-anchor").valueAt(500));
        KeyframeScheduleTest.assertRelative(0.0054664, isolated.schedule("separate").valueAt(500));
        KeyframeScheduleTest.assertRelative(0.005, isolated.schedule("lr").valueAt(5));
        KeyframeScheduleTest.assertRelative(0.089506, isolated.schedule("lr").valueAt(1450));
    }

    /** Keys as written ({@code "0:1, 100:0.5"}) with the interpolation of a {@code ::step-end} header. */
    static KeyframeSchedule stepEnd(String keys) {
        return KeyframeSchedule.of(Interpolation.STEP, Keys.of(keys));
    }

    /*
     * The M1 sheets, resolved by hand from the CSV and the rules of reference-dopesheets/README.md: +F between the
     * anchors around the row, +N after the previous anchor, -N before the next one; relative rows are not anchors.
     */

    @Test
    void smoothCurriculum_1_5() {
        Dopesheet sheet = reference("1.5");
        // anchors 0, 3000, 10000, 20000: +0.4 → 1200, +0.6 → 1800, +0.05 → 3350, +0.5 → 6500, +0.8 → 8600,
        // +0.05 → 10500 (no values), +0.3 → 13000
        assertSchedules(ordered(
                "lr", "3350:0.01, 20000:0.001",
                "loss-recon", "0:1, 1200:0.8, 6500:0.8, 13000:1",
                "reg-separate", "0:0, 1200:0.3, 3000:0",
                "reg-planar", "0:0.2, 1800:0.4, 6500:0",
                "reg-norm", "1800:0.1, 3000:0.25",
                "reg-anchor", "3000:0, 8600:0.3, 13000:0.1, 20000:0.75",
                "data-fraction", "3000:0, 10000:0.25, 13000:1"), sheet);
        assertEquals(20001, sheet.length());
        assertEquals(Map.of(0, "Primary & secondary", 3000, "All hues", 10000, "Full color space"), sheet.phases());
        assertEquals(Map.of(3000, List.of("anchor")), sheet.actions());
        // before its first key a column holds that key's value: lr is 0.01 from step 0
        assertEquals(0.01, sheet.schedule("lr").valueAt(0));
        assertEquals(0.0, sheet.schedule("data-fraction").valueAt(100));
    }

    @Test
    void smoothCurriculum_1_6() {
        Dopesheet sheet = reference("1.6-smooth");
        // anchors 0, 500, 5000, 10000: +10 → 10, +0.4 → 200, +0.6 → 300 (no values), -1 → 499, +0.1 → 950,
        // +0.2 → 1400, -1 → 4999 (no values), +10 → 5010 (no values), +0.3 → 6500, +0.5 → 7500 (no values)
        assertSchedules(ordered(
                "lr", "0:1e-8, 10:0.01, 5000:0.02, 10000:0.001",
                "loss-recon", "0:1",
                "reg-separate", "0:0, 200:0.2, 500:0",
                "reg-planar", "0:0, 200:0.4, 500:0.2, 1400:0",
                "reg-norm", "0:0.01, 200:0.25, 500:0.25, 950:0.5, 6500:0.25",
                "reg-anchor", "0:0, 499:0, 500:0.25",
                "data-hues", "0:0, 500:0, 950:1",
                "data-vibrancies", "0:0, 5000:0, 6500:1"), sheet);
        assertEquals(10001, sheet.length());
        assertEquals(Map.of(0, "Primary & secondary", 500, "All hues", 5000, "Full color space"), sheet.phases());
        assertEquals(Map.of(500, List.of("anchor")), sheet.actions());
    }

    @Test
    void steppedCurriculum_1_6() {
        Dopesheet sheet = reference("1.6-stepped");
        // anchors 0, 100, 300, 500, 1000, 5000, 6500, 10000; each is followed by +10 and preceded by -10 rows: the lr
        // warms up from 1e-8 over 10 steps after every phase change and holds until 10 steps before the next
        Map<String, KeyframeSchedule> expected = new LinkedHashMap<>();
        expected.put("lr", Keys.minJerk("0:1e-8, 10:0.01, 90:0.01, 100:1e-8, 110:0.01, 290:0.01, 300:1e-8, 310:0.01,"
                + " 490:0.01, 500:1e-8, 510:0.01, 990:0.0125, 1000:1e-8, 1010:0.0125, 4990:0.02, 5000:1e-8,"
                + " 5010:0.02, 6490:0.016, 6500:1e-8, 6510:0.016, 10000:0.001"));
        // the ::step-end columns hold each value until the next key
        expected.put("loss-recon", stepEnd("0:1"));
        expected.put("reg-separate", stepEnd("0:0, 100:0.15, 300:0"));
        expected.put("reg-planar", stepEnd("0:0.2, 100:0.3, 300:0.2, 500:0.1, 1000:0"));
        expected.put("reg-norm", stepEnd("0:0.01, 100:0.25, 1000:0.4, 5000:0.25"));
        expected.put("reg-anchor", stepEnd("0:0, 500:0.25"));
        expected.put("data-hues", stepEnd("0:0, 500:0.5, 1000:1"));
        expected.put("data-vibrancies", stepEnd("0:0, 500:0, 5000:0.5, 6500:1"));
        assertEquals(List.copyOf(expected.keySet()), sheet.properties());
        assertEquals(expected, sheet.schedules());
        assertEquals(10001, sheet.length());
        Map<Integer, String> phases = new LinkedHashMap<>();
        phases.put(0, "Primary & secondary");
        phases.put(100, "Primary & secondary");
        phases.put(300, "Primary & secondary");
        phases.put(500, "All hues");
        phases.put(1000, "All hues");
        phases.put(5000, "Full color space");
        phases.put(6500, "Full color space");
        assertEquals(phases, sheet.phases());
        assertEquals(List.copyOf(phases.keySet()), List.copyOf(sheet.phases().keySet()));
        assertEquals(Map.of(500, List.of("anchor")), sheet.actions());
        // a held value jumps at the next key; the min-jerk lr passes through its keys
        assertEquals(0.5, sheet.schedule("data-hues").valueAt(999));
        assertEquals(1.0, sheet.schedule("data-hues").valueAt(1000));
        assertEquals(0.0, sheet.schedule("reg-separate").valueAt(99));
        assertEquals(0.15, sheet.schedule("reg-separate").valueAt(299));
        assertEquals(0.0125, sheet.schedule("lr").valueAt(990));
        assertEquals(1e-8, sheet.schedule("lr").valueAt(1000));
    }

    @Test
    void unknownPropertyListsTheAvailableOnes() {
        var e = assertThrows(IllegalArgumentException.class, () -> reference("2.4.1").schedule("planarity"));
        assertEquals("ex-2.4.1-dopesheet.csv has no property 'planarity'; available: lr, separate, anchor, subspace",
                e.getMessage());
    }
}
