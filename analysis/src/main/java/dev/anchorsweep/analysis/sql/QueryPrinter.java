package dev.anchorsweep.analysis.sql;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * Runs a user's statement over a {@link ResultCatalog} and prints its rows: read-only statements only
 * ({@link ReadOnlyStatement}, checked before anything runs), errors as {@link BadQueryException} with Spark's message,
 * whether the query fails while it is planned or while its rows stream.
 */
public final class QueryPrinter {

    private final ResultCatalog catalog;

    public QueryPrinter(ResultCatalog catalog) {
        this.catalog = catalog;
    }

    /**
     * Prints the statement's result in {@code format}; throws {@link RefusedStatementException} (nothing ran) or
     * {@link BadQueryException}.
     */
    public void print(String sql, ResultFormat format, Writer out) {
        ReadOnlyStatement.require(catalog.spark(), sql);
        Dataset<Row> rows = catalog.query(sql);
        try {
            format.print(rows, out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot print the result: " + e.getMessage(), e);
        } catch (Exception e) { // errors while the query runs, e.g. [CAST_INVALID_INPUT]; Spark's are checked, undeclared
            throw new BadQueryException(SparkErrorMessage.of(e), e);
        }
    }

    public ResultCatalog catalog() {
        return catalog;
    }
}
