package dev.anchorsweep.analysis.report;

import dev.anchorsweep.analysis.sql.QueryResult;
import dev.anchorsweep.analysis.sql.ResultCatalog;
import dev.anchorsweep.analysis.sql.SqlResource;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

/**
 * Runs the report's queries ({@code report/<name>.sql} resources) for one sweep, filling their placeholders:
 * {@code ${sweep}} (the sweep id as a SQL string literal), {@code ${run_ids}} (a list of string literals) and any other
 * given; remembers which statements ran, so the report can list them.
 */
public final class ReportSql {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ReportSql.class);

    private final ResultCatalog catalog;
    private final String sweepId;
    private final Map<String, SqlResource> used = new LinkedHashMap<>();
    private final ExecutorService threads = Executors.newFixedThreadPool(QUERY_THREADS, r -> {
        Thread t = new Thread(r, "report-query");
        t.setDaemon(true);
        return t;
    });

    /** Queries planned and run at the same time. */
    static final int QUERY_THREADS = 4;

    public ReportSql(ResultCatalog catalog, String sweepId) {
        this.catalog = catalog;
        this.sweepId = sweepId;
    }

    /**
     * Starts a query on the job's query threads and returns at once: the report's queries are independent, and Spark
     * plans and runs concurrent queries in parallel (most of a small query's time is planning, not data).
     */
    public Pending submit(String name, Map<String, String> params) {
        SqlResource resource = SqlResource.load("report/" + name + ".sql");
        synchronized (used) {
            used.putIfAbsent(name, resource);
        }
        return new Pending(name, CompletableFuture.supplyAsync(() -> execute(name, resource, params), threads));
    }

    public Pending submit(String name) {
        return submit(name, Map.of());
    }

    /** Starts a query over the given runs only (its {@code ${run_ids}}). */
    public Pending submitForRuns(String name, Collection<String> runIds) {
        return submit(name, runParams(runIds, Map.of()));
    }

    /** A query under way; {@link #get()} waits for its rows and rethrows its failure as it was. */
    public record Pending(String name, CompletableFuture<QueryResult> future) {

        public QueryResult get() {
            try {
                return future.join();
            } catch (java.util.concurrent.CompletionException e) {
                if (e.getCause() instanceof RuntimeException r) throw r;
                throw new IllegalStateException("report query " + name + " failed: " + e.getCause(), e.getCause());
            }
        }
    }

    /** Stops the query threads. */
    public void stop() {
        threads.shutdownNow();
    }

    private QueryResult execute(String name, SqlResource resource, Map<String, String> params) {
        SqlResource filled = resource.text().contains("${sweep}") ? resource.with("sweep", literal(sweepId)) : resource;
        for (Map.Entry<String, String> p : params.entrySet()) filled = filled.with(p.getKey(), p.getValue());
        long start = System.nanoTime();
        QueryResult result = catalog.collect(filled.text(), QueryResult.ALL_ROWS);
        LOG.info("report query {}: {} rows in {} s", name, result.rows().size(),
                String.format(java.util.Locale.ROOT, "%.2f", (System.nanoTime() - start) / 1e9));
        return result;
    }

    private static Map<String, String> runParams(Collection<String> runIds, Map<String, String> params) {
        Map<String, String> all = new LinkedHashMap<>(params);
        all.put("run_ids", runIds.isEmpty() ? "NULL" : runIds.stream().map(ReportSql::literal)
                .collect(Collectors.joining(", ")));
        return all;
    }

    /** The statements that ran, in first-use order (templates, placeholders unfilled). */
    public List<SqlResource> used() {
        synchronized (used) {
            return new ArrayList<>(used.values());
        }
    }

    public String sweepId() {
        return sweepId;
    }

    public ResultCatalog catalog() {
        return catalog;
    }

    /** A SQL string literal. */
    public static String literal(String value) {
        return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    /** A backquoted SQL identifier, e.g. for a column named after an intervention. */
    public static String identifier(String value) {
        return "`" + value.replace("`", "``") + "`";
    }
}
