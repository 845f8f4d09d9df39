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

/**
 * Runs the report's queries ({@code report/<name>.sql} resources) for one sweep, every value bound as a Spark SQL
 * parameter, never spliced into the text: {@code :sweep} (the sweep id), and lists such as {@code ${run_ids}}, whose
 * placeholder becomes the parameter markers {@code :run_ids_0, :run_ids_1, …}; remembers which statements ran, so the
 * report can list them.
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
    public Pending submit(String name, ParameterList... lists) {
        SqlResource resource = SqlResource.load("report/" + name + ".sql");
        synchronized (used) {
            used.putIfAbsent(name, resource);
        }
        return new Pending(name, CompletableFuture.supplyAsync(() -> execute(name, resource, lists), threads));
    }

    /** Starts a query over the given runs only (its {@code ${run_ids}}). */
    public Pending submitForRuns(String name, Collection<String> runIds) {
        return submit(name, new ParameterList("run_ids", List.copyOf(runIds), false));
    }

    /**
     * Values for the list placeholder {@code ${name}}: it becomes {@code :name_0, :name_1, …} (or {@code NULL} for no
     * value), each marker bound to its value; {@code aliased}: each marker is followed by {@code AS `value`}, as the
     * values of a PIVOT need to name their columns.
     */
    public record ParameterList(String name, List<String> values, boolean aliased) {

        String markers() {
            if (values.isEmpty()) return "NULL";
            List<String> markers = new ArrayList<>();
            for (int i = 0; i < values.size(); i++) {
                markers.add(":" + name + "_" + i + (aliased ? " AS " + identifier(values.get(i)) : ""));
            }
            return String.join(", ", markers);
        }

        void bind(Map<String, Object> args) {
            for (int i = 0; i < values.size(); i++) args.put(name + "_" + i, values.get(i));
        }
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

    private QueryResult execute(String name, SqlResource resource, ParameterList... lists) {
        SqlResource filled = resource;
        Map<String, Object> args = new LinkedHashMap<>();
        if (resource.text().contains(":sweep")) args.put("sweep", sweepId);
        for (ParameterList list : lists) {
            filled = filled.with(list.name(), list.markers());
            list.bind(args);
        }
        long start = System.nanoTime();
        QueryResult result = catalog.collect(filled.text(), args, QueryResult.ALL_ROWS);
        LOG.info("report query {}: {} rows in {} s", name, result.rows().size(),
                String.format(java.util.Locale.ROOT, "%.2f", (System.nanoTime() - start) / 1e9));
        return result;
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

    /** A backquoted SQL identifier, e.g. for a column named after an intervention. */
    public static String identifier(String value) {
        return "`" + value.replace("`", "``") + "`";
    }
}
