package dev.anchorsweep.schedule;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;

/**
 * The schedules of a run as the reference stores them: a CSV with columns {@code STEP,PHASE,ACTION,<property>...}
 * where an empty cell is no key (SCA-SPEC §4). See {@link StepCell} for the STEP forms and
 * {@link PropertyHeader} for the {@code name:space:interpolation} headers.
 */
public final class Dopesheet {

    private final String sourceName;
    private final List<String> properties;
    private final Map<String, KeyframeSchedule> schedules;
    private final int length;
    private final NavigableMap<Integer, String> phases;
    private final NavigableMap<Integer, List<String>> actions;

    Dopesheet(String sourceName, List<String> properties, Map<String, KeyframeSchedule> schedules, int length,
            NavigableMap<Integer, String> phases, NavigableMap<Integer, List<String>> actions) {
        this.sourceName = sourceName;
        this.properties = List.copyOf(properties);
        this.schedules = schedules;
        this.length = length;
        this.phases = phases;
        this.actions = actions;
    }

    /** Reads a UTF-8 dopesheet; errors name the file by its file name. */
    public static Dopesheet read(Path path) {
        try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            return parse(path.getFileName().toString(), reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read dopesheet " + path, e);
        }
    }

    public static Dopesheet parse(String sourceName, Reader reader) {
        return new DopesheetParser(sourceName).parse(reader);
    }

    public String sourceName() {
        return sourceName;
    }

    /** The property columns, in column order (with any {@code :space:interpolation} suffix removed). */
    public List<String> properties() {
        return properties;
    }

    public KeyframeSchedule schedule(String property) {
        KeyframeSchedule schedule = schedules.get(property);
        if (schedule != null) {
            return schedule;
        }
        if (properties.contains(property)) {
            throw new DopesheetFormatException(sourceName, "property '" + property
                    + "' has no keyframes (its column is empty); a schedule needs at least one keyframe");
        }
        throw new IllegalArgumentException(sourceName + " has no property '" + property + "'; available: "
                + String.join(", ", properties));
    }

    /** The schedule of every property that has at least one key, in column order (empty columns are left out). */
    public Map<String, KeyframeSchedule> schedules() {
        return schedules;
    }

    /** The run length: the largest resolved step + 1. */
    public int length() {
        return length;
    }

    /** Step → the phase named in the PHASE column from that step on; empty where no PHASE is given. */
    public NavigableMap<Integer, String> phases() {
        return phases;
    }

    /** The phase in effect at a step: the last one named at or before it. */
    public Optional<String> phaseAt(int step) {
        return Optional.ofNullable(phases.floorEntry(step)).map(Map.Entry::getValue);
    }

    /** Step → the events in the ACTION column at that step (comma-separated in the cell, as the reference). */
    public NavigableMap<Integer, List<String>> actions() {
        return actions;
    }

    @Override
    public String toString() {
        return "Dopesheet[" + sourceName + ", " + length + " steps, " + schedules + "]";
    }
}
