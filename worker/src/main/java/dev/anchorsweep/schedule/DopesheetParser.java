package dev.anchorsweep.schedule;

import java.io.Reader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/** Turns dopesheet CSV text into a {@link Dopesheet}, resolving relative steps as the reference does. */
final class DopesheetParser {

    private static final String STEP = "STEP";
    private static final String PHASE = "PHASE";
    private static final String ACTION = "ACTION";
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    private final String source;
    private int stepColumn = -1;
    private int phaseColumn = -1;
    private int actionColumn = -1;
    private final List<PropertyHeader> headers = new ArrayList<>();
    private final List<Integer> propertyColumns = new ArrayList<>();

    DopesheetParser(String source) {
        this.source = source;
    }

    private record Row(CsvRecord record, StepCell stepCell) {}

    private record Key(int step, double value, int line) {}

    Dopesheet parse(Reader reader) {
        List<CsvRecord> records = CsvRecords.read(source, reader);
        if (records.isEmpty()) {
            throw new DopesheetFormatException(source, "is empty; expected a header STEP,PHASE,ACTION,<property>...");
        }
        readHeader(records.get(0));
        int width = records.get(0).cells().size();
        List<Row> rows = new ArrayList<>();
        for (CsvRecord record : records.subList(1, records.size())) {
            if (record.cells().size() > width) {
                throw new DopesheetFormatException(source, record.line(), record.cells().size()
                        + " cells, but the header has " + width + " columns");
            }
            String stepText = record.cell(stepColumn);
            rows.add(new Row(record, at(record, () -> StepCell.parse(stepText))));
        }
        if (rows.isEmpty()) {
            throw new DopesheetFormatException(source, "has no rows after the header; a dopesheet needs at least one step");
        }
        int[] steps = resolveSteps(rows);
        int length = Arrays.stream(steps).max().orElseThrow() + 1;
        return new Dopesheet(source, headers.stream().map(PropertyHeader::property).toList(),
                schedules(rows, steps), length, phases(rows, steps), actions(rows, steps));
    }

    private void readHeader(CsvRecord header) {
        Map<String, Integer> seen = new HashMap<>();
        for (int column = 0; column < header.cells().size(); column++) {
            String cell = header.cell(column);
            String name = switch (cell) {
                case STEP -> { stepColumn = column; yield STEP; }
                case PHASE -> { phaseColumn = column; yield PHASE; }
                case ACTION -> { actionColumn = column; yield ACTION; }
                default -> {
                    PropertyHeader property = at(header, () -> PropertyHeader.parse(cell));
                    headers.add(property);
                    propertyColumns.add(column);
                    yield property.property();
                }
            };
            Integer previous = seen.put(name, column);
            if (previous != null) {
                throw new DopesheetFormatException(source, header.line(), "column '" + name + "' appears twice (columns "
                        + (previous + 1) + " and " + (column + 1) + ")");
            }
        }
        if (stepColumn < 0) {
            throw new DopesheetFormatException(source, header.line(), "the header has no STEP column; expected "
                    + "STEP,PHASE,ACTION,<property>..., but got " + String.join(",", header.cells()));
        }
    }

    /** Anchors are the absolute rows in file order; each relative row counts from the anchors around it. */
    private int[] resolveSteps(List<Row> rows) {
        OptionalInt[] nextAnchors = new OptionalInt[rows.size()];
        OptionalInt next = OptionalInt.empty();
        for (int i = rows.size() - 1; i >= 0; i--) {
            nextAnchors[i] = next;
            next = rows.get(i).stepCell().anchor().isPresent() ? rows.get(i).stepCell().anchor() : next;
        }
        int[] steps = new int[rows.size()];
        OptionalInt previous = OptionalInt.empty();
        for (int i = 0; i < rows.size(); i++) {
            StepCell cell = rows.get(i).stepCell();
            OptionalInt before = previous;
            OptionalInt after = nextAnchors[i];
            steps[i] = at(rows.get(i).record(), () -> cell.resolve(before, after));
            previous = cell.anchor().isPresent() ? cell.anchor() : previous;
        }
        return steps;
    }

    private Map<String, KeyframeSchedule> schedules(List<Row> rows, int[] steps) {
        Map<String, KeyframeSchedule> schedules = new LinkedHashMap<>();
        for (int p = 0; p < headers.size(); p++) {
            String property = headers.get(p).property();
            List<Key> keys = new ArrayList<>();
            for (int i = 0; i < rows.size(); i++) {
                CsvRecord record = rows.get(i).record();
                String cell = record.cell(propertyColumns.get(p));
                if (!cell.isEmpty()) {
                    keys.add(new Key(steps[i], number(record, property, cell), record.line()));
                }
            }
            keys.sort(Comparator.comparingInt(Key::step));
            List<Keyframe> keyframes = new ArrayList<>();
            for (int k = 0; k < keys.size(); k++) {
                Key key = keys.get(k);
                if (k > 0 && keys.get(k - 1).step() == key.step()) {
                    throw new DopesheetFormatException(source, key.line(), property + " is keyed twice at step "
                            + key.step() + " (also on line " + keys.get(k - 1).line() + ")");
                }
                keyframes.add(new Keyframe(key.step(), key.value()));
            }
            if (!keyframes.isEmpty()) {
                schedules.put(property, KeyframeSchedule.of(headers.get(p).interpolation(), keyframes));
            }
        }
        return Collections.unmodifiableMap(schedules);
    }

    private double number(CsvRecord record, String property, String cell) {
        double value = NUMBER.matcher(cell).matches() ? Double.parseDouble(cell) : Double.NaN;
        if (!Double.isFinite(value)) {
            throw new DopesheetFormatException(source, record.line(), property + " value '" + cell
                    + "' is not a finite number; valid: a decimal number (e.g. 0.01, 1e-8) or empty for no key");
        }
        return value;
    }

    private NavigableMap<Integer, String> phases(List<Row> rows, int[] steps) {
        NavigableMap<Integer, String> phases = new TreeMap<>();
        Map<Integer, Integer> lines = new HashMap<>();
        for (int i = 0; phaseColumn >= 0 && i < rows.size(); i++) {
            CsvRecord record = rows.get(i).record();
            String phase = record.cell(phaseColumn);
            if (!phase.isEmpty()) {
                String previous = phases.put(steps[i], phase);
                if (previous != null) {
                    throw new DopesheetFormatException(source, record.line(), "PHASE '" + phase + "' starts at step "
                            + steps[i] + ", where PHASE '" + previous + "' already starts (line "
                            + lines.get(steps[i]) + ")");
                }
                lines.put(steps[i], record.line());
            }
        }
        return Collections.unmodifiableNavigableMap(phases);
    }

    private NavigableMap<Integer, List<String>> actions(List<Row> rows, int[] steps) {
        NavigableMap<Integer, List<String>> actions = new TreeMap<>();
        for (int i = 0; actionColumn >= 0 && i < rows.size(); i++) {
            for (String action : rows.get(i).record().cell(actionColumn).split(",")) {
                if (!action.isBlank()) {
                    actions.computeIfAbsent(steps[i], step -> new ArrayList<>()).add(action.trim());
                }
            }
        }
        actions.replaceAll((step, names) -> List.copyOf(names));
        return Collections.unmodifiableNavigableMap(actions);
    }

    /** Runs a check, prefixing its message with this source and the record's line. */
    private <T> T at(CsvRecord record, Supplier<T> check) {
        try {
            return check.get();
        } catch (DopesheetFormatException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new DopesheetFormatException(source, record.line(), e.getMessage());
        }
    }
}
