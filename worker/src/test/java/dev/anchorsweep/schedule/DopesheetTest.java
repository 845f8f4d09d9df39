package dev.anchorsweep.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DopesheetTest {

    /*
     * Anchors 0, 6 and 13. Row by row:
     *   +3    → 0 + 3 = 3
     *   +0.25 → 0 + 0.25·6 = 1.5 → 2   (half to even: up)
     *   +0.75 → 0 + 0.75·6 = 4.5 → 4   (half to even: down)
     *   +0.5  → 6 + 0.5·7  = 9.5 → 10
     *   -2    → 13 − 2 = 11
     *   -0.5  → 13 − 0.5·7 = 9.5 → 10
     * Rows are out of step order on purpose (c is keyed at 2 on a later row than a at 3).
     */
    static final String OWN = """
            STEP,PHASE,ACTION,a,b::linear,c::step,d:linear:minjerk,empty
            0,Warmup,,1,0,5,,
            +3,,"snapshot, log",2,,,,
            +0.25,,,,,6,,
            +0.75,,,,1,,,

            6,Main,,3,,,1,
            +0.5,,,4,,,,
            -2,,checkpoint,,,,2,
            -0.5,,,,,7,,
            13,,,5,2,,,
            """;

    static Dopesheet parse(String csv) {
        return Dopesheet.parse("ex.csv", new StringReader(csv));
    }

    static void assertRejected(String expectedMessage, String csv) {
        var e = assertThrows(DopesheetFormatException.class, () -> parse(csv));
        assertEquals(expectedMessage, e.getMessage());
    }

    @Test
    void resolvesRelativeAndFractionalSteps() {
        Dopesheet sheet = parse(OWN);
        assertEquals(List.of("a", "b", "c", "d", "empty"), sheet.properties());
        assertEquals(KeyframeSchedule.minJerk(Keys.of("0:1, 3:2, 6:3, 10:4, 13:5")), sheet.schedule("a"));
        assertEquals(KeyframeSchedule.of(Interpolation.LINEAR, Keys.of("0:0, 4:1, 13:2")), sheet.schedule("b"));
        assertEquals(KeyframeSchedule.of(Interpolation.STEP, Keys.of("0:5, 2:6, 10:7")), sheet.schedule("c"));
        assertEquals(KeyframeSchedule.minJerk(Keys.of("6:1, 11:2")), sheet.schedule("d"));
        assertEquals(List.of("a", "b", "c", "d"), List.copyOf(sheet.schedules().keySet()));
        assertEquals(14, sheet.length());
    }

    @Test
    void headerInterpolationIsUsed() {
        Dopesheet sheet = parse(OWN);
        assertEquals(0.5, sheet.schedule("b").valueAt(2), 1e-12);
        assertEquals(6, sheet.schedule("c").valueAt(9));
        assertEquals(7, sheet.schedule("c").valueAt(10));
        assertEquals(1, sheet.schedule("d").valueAt(3));
    }

    @Test
    void phasesAndActions() {
        Dopesheet sheet = parse(OWN);
        assertEquals(Map.of(0, "Warmup", 6, "Main"), sheet.phases());
        assertEquals(Optional.of("Warmup"), sheet.phaseAt(5));
        assertEquals(Optional.of("Main"), sheet.phaseAt(6));
        assertEquals(Optional.empty(), parse("STEP,PHASE,ACTION,a\n0,,,1\n5,Main,,\n").phaseAt(4));
        assertEquals(Map.of(3, List.of("snapshot", "log"), 11, List.of("checkpoint")), sheet.actions());
    }

    @Test
    void pythonRoundingOfTheSpecExamples() {
        Dopesheet sheet = parse("""
                STEP,PHASE,ACTION,x
                0,,,0
                +0.33,,,1
                750,,,2
                +0.5,,,3
                +0.9,,,4
                1500,,,5
                """);
        assertEquals(Keys.of("0:0, 248:1, 750:2, 1125:3, 1425:4, 1500:5"), sheet.schedule("x").keyframes());
    }

    @Test
    void phaseAndActionColumnsAreOptionalAndMayComeAnywhere() {
        Dopesheet sheet = parse("lr,STEP\n0.1,0\n0.2,+5\n");
        assertEquals(List.of("lr"), sheet.properties());
        assertEquals(Keys.of("0:0.1, 5:0.2"), sheet.schedule("lr").keyframes());
        assertEquals(6, sheet.length());
        assertEquals(Map.of(), sheet.phases());
    }

    @Test
    void crlfAndBomAreAccepted() {
        Dopesheet sheet = parse("\uFEFFSTEP,PHASE,ACTION,lr\r\n0,Train,,1e-8\r\n10,,,0.01\r\n");
        assertEquals(Keys.of("0:1e-8, 10:0.01"), sheet.schedule("lr").keyframes());
    }

    @Test
    void emptyColumnIsAnErrorOnlyWhenAskedFor() {
        Dopesheet sheet = parse(OWN);
        var e = assertThrows(DopesheetFormatException.class, () -> sheet.schedule("empty"));
        assertEquals("ex.csv: property 'empty' has no keyframes (its column is empty); "
                + "a schedule needs at least one keyframe", e.getMessage());
    }

    @Test
    void unknownPropertyListsTheAvailableOnes() {
        var e = assertThrows(IllegalArgumentException.class, () -> parse(OWN).schedule("lr"));
        assertEquals("ex.csv has no property 'lr'; available: a, b, c, d, empty", e.getMessage());
    }

    @Test
    void badStepCells() {
        assertRejected("ex.csv line 4: STEP '+x' is not an absolute step (e.g. 750), +N/-N or +F/-F (0<F<1)",
                "STEP,PHASE,ACTION,lr\n0,,,1\n10,,,2\n+x,,,3\n");
        assertRejected("ex.csv line 2: STEP '' is not an absolute step (e.g. 750), +N/-N or +F/-F (0<F<1)",
                "STEP,PHASE,ACTION,lr\n,,,1\n");
        assertRejected("ex.csv line 3: STEP '+1.5' is a fraction outside 0<F<1; valid: an absolute step (e.g. 750), "
                + "+N/-N or +F/-F (0<F<1)", "STEP,lr\n0,1\n+1.5,2\n10,3\n");
        assertRejected("ex.csv line 2: STEP '+0' is not an absolute step (e.g. 750), +N/-N or +F/-F (0<F<1)",
                "STEP,lr\n+0,1\n");
        assertRejected("ex.csv line 2: STEP '99999999999' is too large; steps must be at most 2147483647",
                "STEP,lr\n99999999999,1\n");
    }

    @Test
    void relativeStepsNeedTheirAnchors() {
        assertRejected("ex.csv line 2: STEP '+10' counts from the previous absolute step (anchor), but there is none",
                "STEP,lr\n+10,1\n20,2\n");
        assertRejected("ex.csv line 3: STEP '-5' counts from the next absolute step (anchor), but there is none",
                "STEP,lr\n0,1\n-5,2\n");
        assertRejected("ex.csv line 3: STEP '+0.5' lies between absolute steps (anchors), but there is no next anchor",
                "STEP,lr\n0,1\n+0.5,2\n");
        assertRejected("ex.csv line 2: STEP '-20' resolves to -10, but steps must be in [0, 2147483647]",
                "STEP,lr\n-20,1\n10,2\n");
    }

    @Test
    void badValueCells() {
        assertRejected("ex.csv line 3: lr value 'abc' is not a finite number; valid: a decimal number (e.g. 0.01, 1e-8) "
                + "or empty for no key", "STEP,lr\n0,1\n10,abc\n");
        assertRejected("ex.csv line 2: lr value 'inf' is not a finite number; valid: a decimal number (e.g. 0.01, 1e-8) "
                + "or empty for no key", "STEP,lr\n0,inf\n");
    }

    @Test
    void aPropertyKeyedTwiceAtOneStep() {
        assertRejected("ex.csv line 4: lr is keyed twice at step 10 (also on line 3)",
                "STEP,lr\n0,1\n+10,2\n10,3\n");
    }

    @Test
    void twoPhasesAtOneStep() {
        assertRejected("ex.csv line 3: PHASE 'B' starts at step 0, where PHASE 'A' already starts (line 2)",
                "STEP,PHASE,lr\n0,A,1\n0,B,\n");
    }

    @Test
    void badHeaders() {
        assertRejected("ex.csv line 1: header 'lr:log' has space 'log', but values interpolate in linear space "
                + "(SCA-SPEC §4); valid: linear or empty", "STEP,lr:log\n0,1\n");
        assertRejected("ex.csv line 1: header 'lr::cubic' has unknown interpolation 'cubic'; valid: minjerk "
                + "(or min-jerk), linear, step, step-end or empty (minjerk)", "STEP,lr::cubic\n0,1\n");
        assertRejected("ex.csv line 1: header 'lr:linear:step:x' is not name, name:space or name:space:interpolation",
                "STEP,lr:linear:step:x\n0,1\n");
        assertRejected("ex.csv line 1: header '' is not name, name:space or name:space:interpolation",
                "STEP,,lr\n0,,1\n");
        assertRejected("ex.csv line 1: column 'lr' appears twice (columns 2 and 3)", "STEP,lr,lr::linear\n0,1,1\n");
        assertRejected("ex.csv line 1: the header has no STEP column; expected STEP,PHASE,ACTION,<property>..., "
                + "but got step,lr", "step,lr\n0,1\n");
    }

    @Test
    void headerInterpolationNamesOfTheReference() {
        Dopesheet sheet = parse("STEP,a::minjerk,b:linear:min-jerk,c::linear,d::step,e::step-end\n0,1,1,1,1,1\n");
        assertEquals(List.of(Interpolation.MIN_JERK, Interpolation.MIN_JERK, Interpolation.LINEAR, Interpolation.STEP,
                Interpolation.STEP), sheet.schedules().values().stream().map(KeyframeSchedule::interpolation).toList());
    }

    @Test
    void badShape() {
        assertRejected("ex.csv line 3: 3 cells, but the header has 2 columns", "STEP,lr\n0,1\n10,2,3\n");
        assertRejected("ex.csv: is empty; expected a header STEP,PHASE,ACTION,<property>...", "\n\n");
        assertRejected("ex.csv: has no rows after the header; a dopesheet needs at least one step", "STEP,lr\n");
        assertRejected("ex.csv line 3: a quoted cell is never closed", "STEP,ACTION,lr\n0,,1\n5,\"snap,2\n");
    }

    @Test
    void readNamesTheFileAndReportsAMissingOne() {
        var e = assertThrows(UncheckedIOException.class, () -> Dopesheet.read(Path.of("/nonexistent/ex.csv")));
        assertEquals("cannot read dopesheet /nonexistent/ex.csv", e.getMessage());
    }
}
