package dev.anchorsweep.schedule;

import java.util.List;

/** One CSV record: its cells and the (1-based) line it starts on. */
record CsvRecord(int line, List<String> cells) {

    CsvRecord {
        cells = List.copyOf(cells);
    }

    /** The cell in a column, trimmed; "" where the record is shorter than the header. */
    String cell(int column) {
        return column < cells.size() ? cells.get(column).trim() : "";
    }
}
