package dev.anchorsweep.analysis.report;

import java.util.List;

/** A rendered part of the report page: its anchor id, title for the table of contents, HTML, and sub-entries. */
public record Section(String id, String title, String html, List<Link> links) {

    /** A table-of-contents entry below a section. */
    public record Link(String id, String title) {
    }

    public Section(String id, String title, String html) {
        this(id, title, html, List.of());
    }
}
