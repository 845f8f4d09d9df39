package dev.anchorsweep.sweep;

import com.typesafe.config.ConfigObject;
import dev.anchorsweep.config.ConfigProblem;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One axis of a sweep's grid: a list of values, each of which changes the base run in one way. The grid is the cross
 * product of the axes; a cell without its seed is an arm.
 */
public sealed interface SweepAxis permits SeedAxis, VariantAxis, RegularizerAxis, ScheduleAxis, SettingAxis,
        SampleAxis {

    /** The axis name in result tables: {@code seed}, {@code variant}, {@code regularizers} or a path within {@code run}. */
    String name();

    /** A short label of each value, in axis order, e.g. {@code anchor+separate} or {@code 4}. */
    List<String> labels();

    /** Where the axis is declared. */
    AxisSource source();

    /** The run section with value {@code index} of this axis applied. */
    ConfigObject apply(ConfigObject run, int index);

    /** Value {@code index}'s part of an arm name, e.g. {@code regularizers=anchor+separate} or {@code ex-2.4.1}. */
    default String armPart(int index) {
        return name() + "=" + labels().get(index);
    }

    /** What a run of value {@code index} records in {@code runs.axes}: axis name → label (one entry for most axes). */
    default Map<String, String> axisValues(int index) {
        return Map.of(name(), labels().get(index));
    }

    default int size() {
        return labels().size();
    }

    /**
     * Why this axis cannot apply to {@code run} (a run section after its variant, merged with the defaults), if it
     * cannot: e.g. the path it varies does not exist there.
     */
    default Optional<String> mismatch(ConfigObject run) {
        return Optional.empty();
    }

    /** {@link #mismatch} as located problems (at the axis's declaration); an axis of several settings locates each. */
    default List<ConfigProblem> mismatches(ConfigObject run) {
        return mismatch(run).map(message -> List.of(new ConfigProblem(source().origin(), source().configPath(),
                message))).orElse(List.of());
    }
}
