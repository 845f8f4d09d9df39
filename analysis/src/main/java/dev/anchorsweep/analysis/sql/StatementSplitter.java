package dev.anchorsweep.analysis.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits SQL text into statements at each {@code ;} that is outside string literals ({@code '…'}, {@code "…"}, with
 * backslash escapes), backquoted identifiers and comments ({@code -- …} to the end of the line, {@code /* … *&#47;},
 * nested as in Spark SQL). Statements holding nothing but whitespace and comments are dropped.
 */
public final class StatementSplitter {

    /**
     * The complete statements of a text (each without its {@code ;}, trimmed), and what follows the last {@code ;}:
     * {@code rest}, which is {@code open} when it holds an unfinished statement (any SQL, or an unclosed string,
     * identifier or block comment).
     */
    public record Split(List<String> statements, String rest, boolean open) {

        /** The unfinished statement, trimmed; empty when there is none. */
        public String unfinished() {
            return open ? rest.strip() : "";
        }
    }

    private enum State { CODE, SINGLE_QUOTED, DOUBLE_QUOTED, BACKQUOTED, LINE_COMMENT, BLOCK_COMMENT }

    private StatementSplitter() {
    }

    public static Split split(CharSequence text) {
        List<String> statements = new ArrayList<>();
        State state = State.CODE;
        int depth = 0; // of nested block comments
        int start = 0;
        boolean content = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            char next = i + 1 < text.length() ? text.charAt(i + 1) : '\0';
            switch (state) {
                case CODE -> {
                    if (c == ';') {
                        if (content) statements.add(text.subSequence(start, i).toString().strip());
                        start = i + 1;
                        content = false;
                    } else if (c == '-' && next == '-') {
                        state = State.LINE_COMMENT;
                        i++;
                    } else if (c == '/' && next == '*') {
                        state = State.BLOCK_COMMENT;
                        depth = 1;
                        i++;
                    } else if (!Character.isWhitespace(c)) {
                        content = true;
                        if (c == '\'') state = State.SINGLE_QUOTED;
                        else if (c == '"') state = State.DOUBLE_QUOTED;
                        else if (c == '`') state = State.BACKQUOTED;
                    }
                }
                case SINGLE_QUOTED, DOUBLE_QUOTED -> {
                    if (c == '\\') i++;
                    else if (c == (state == State.SINGLE_QUOTED ? '\'' : '"')) state = State.CODE;
                }
                case BACKQUOTED -> {
                    if (c == '`') state = State.CODE;
                }
                case LINE_COMMENT -> {
                    if (c == '\n') state = State.CODE;
                }
                case BLOCK_COMMENT -> {
                    if (c == '/' && next == '*') {
                        depth++;
                        i++;
                    } else if (c == '*' && next == '/') {
                        i++;
                        if (--depth == 0) state = State.CODE;
                    }
                }
            }
        }
        boolean unclosed = state != State.CODE && state != State.LINE_COMMENT;
        return new Split(statements, text.subSequence(start, text.length()).toString(), content || unclosed);
    }
}
