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

    @Test
    void unknownPropertyListsTheAvailableOnes() {
        var e = assertThrows(IllegalArgumentException.class, () -> reference("2.4.1").schedule("planarity"));
        assertEquals("ex-2.4.1-dopesheet.csv has no property 'planarity'; available: lr, separate, anchor, subspace",
                e.getMessage());
    }
}
