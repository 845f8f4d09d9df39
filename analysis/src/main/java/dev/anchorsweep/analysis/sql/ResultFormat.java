package dev.anchorsweep.analysis.sql;

import java.util.Locale;

/** How {@code deploy/sweep sql} prints a result. */
public enum ResultFormat {
    TABLE, CSV, JSON;

    public String render(QueryResult result) {
        return switch (this) {
            case TABLE -> TextTable.render(result);
            case CSV -> CsvText.render(result);
            case JSON -> JsonRows.render(result);
        };
    }

    /** Rows the format prints: the terminal table stops at 1,000, csv and json print everything. */
    public int maxRows() {
        return this == TABLE ? 1_000 : QueryResult.ALL_ROWS;
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
