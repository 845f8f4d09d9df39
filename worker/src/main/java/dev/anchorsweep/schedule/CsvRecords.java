package dev.anchorsweep.schedule;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** Splits RFC 4180 CSV text (quoted cells, "" escapes, LF/CRLF/CR) into records; blank lines are skipped. */
final class CsvRecords {

    private CsvRecords() {}

    static List<CsvRecord> read(String sourceName, Reader reader) {
        String text = slurp(sourceName, reader);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<CsvRecord> records = new ArrayList<>();
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        int line = 1;
        int recordLine = 1;
        boolean quoted = false;
        boolean structured = false; // saw a delimiter or a quote, so the line is not blank
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c != '"') {
                    line += c == '\n' ? 1 : 0;
                    cell.append(c);
                } else if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else {
                    quoted = false;
                }
            } else if (c == '"') {
                quoted = true;
                structured = true;
            } else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
                structured = true;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                addRecord(records, recordLine, cells, cell, structured);
                cells = new ArrayList<>();
                cell.setLength(0);
                structured = false;
                recordLine = ++line;
            } else {
                cell.append(c);
            }
        }
        if (quoted) {
            throw new DopesheetFormatException(sourceName, recordLine, "a quoted cell is never closed");
        }
        addRecord(records, recordLine, cells, cell, structured);
        return records;
    }

    private static void addRecord(
            List<CsvRecord> records, int line, List<String> cells, StringBuilder cell, boolean structured) {
        if (structured || !cell.toString().isBlank()) {
            cells.add(cell.toString());
            records.add(new CsvRecord(line, cells));
        }
    }

    private static String slurp(String sourceName, Reader reader) {
        StringBuilder text = new StringBuilder();
        char[] buffer = new char[8192];
        try {
            for (int n; (n = reader.read(buffer)) >= 0; ) {
                text.append(buffer, 0, n);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read dopesheet " + sourceName, e);
        }
        return text.toString();
    }
}
