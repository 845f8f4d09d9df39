package dev.anchorsweep.analysis.sql;

import dev.anchorsweep.analysis.FooterCheck;
import dev.anchorsweep.analysis.ResultViews;
import dev.anchorsweep.analysis.adaptive.AdaptiveArmsView;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The SQL namespace of one results folder: a view per result table ({@link ResultViews}) and the report's views over
 * them ({@link ReportViews}), so that any query, from the report or from {@code deploy/sweep sql}, sees the same names.
 */
public final class ResultCatalog {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ResultCatalog.class);

    private final SparkSession spark;
    private final String root;
    private final List<String> tables;
    private final List<String> views;

    private ResultCatalog(SparkSession spark, String root, List<String> tables, List<String> views) {
        this.spark = spark;
        this.root = root;
        this.tables = tables;
        this.views = views;
    }

    /**
     * Registers the tables under {@code root} and every report view whose tables are present. Fails when there is no
     * {@code runs} table, since nothing can be said about a folder without runs.
     */
    public static ResultCatalog open(SparkSession spark, String root) {
        return open(spark, root, null);
    }

    /**
     * As {@link #open(SparkSession, String)}, showing the given version of each sweep (null: the latest).
     *
     * @throws dev.anchorsweep.results.ResultsFolderException for an unreadable file or a version no sweep has
     */
    public static ResultCatalog open(SparkSession spark, String root, Integer version) {
        return open(spark, root, version, null);
    }

    /**
     * As {@link #open(SparkSession, String, Integer)}, registering only the report views among {@code wanted} and the
     * views they read (null: every view); {@link #names()} lists every view all the same.
     */
    public static ResultCatalog open(SparkSession spark, String root, Integer version, Set<String> wanted) {
        return open(spark, root, version, wanted, null);
    }

    /**
     * As {@link #open(SparkSession, String, Integer, Set)}, with the folder's footer check already under way (null:
     * check now): a command starts it before its Spark session, so that both go on at once.
     */
    public static ResultCatalog open(SparkSession spark, String root, Integer version, Set<String> wanted,
                                     FooterCheck footers) {
        long start = System.nanoTime();
        List<String> tables = ResultViews.register(spark, root, version, footers);
        long tablesDone = System.nanoTime();
        if (!tables.contains("runs")) {
            throw new IllegalArgumentException("no result tables under " + root + ": expected a folder with runs/ (and "
                    + "sweeps/, history/, evaluations/, latents/) as written by `deploy/sweep run`, but found "
                    + (tables.isEmpty() ? "none of them" : "only " + String.join(", ", tables)));
        }
        List<String> views = new ArrayList<>(ReportViews.register(spark, tables, wanted));
        if (AdaptiveArmsView.fits(tables)) {
            if (wanted == null || wanted.contains(AdaptiveArmsView.NAME)) AdaptiveArmsView.register(spark);
            views.add(AdaptiveArmsView.NAME);
        }
        LOG.info("results folder {}: tables registered in {} s, report views in {} s", root, seconds(tablesDone - start),
                seconds(System.nanoTime() - tablesDone));
        return new ResultCatalog(spark, root, tables, views);
    }

    private static String seconds(long nanos) {
        return String.format(java.util.Locale.ROOT, "%.2f", nanos / 1e9);
    }

    /** The query as a Dataset, analysed (so a bad name or type fails here); throws {@link BadQueryException}. */
    public Dataset<Row> query(String sql) {
        return query(sql, Map.of());
    }

    /**
     * The query with its named parameters ({@code :name}) bound to {@code args}: values reach Spark as values, never
     * as SQL text.
     */
    public Dataset<Row> query(String sql, Map<String, Object> args) {
        try {
            return args.isEmpty() ? spark.sql(sql) : spark.sql(sql, args);
        } catch (Exception e) { // Spark's AnalysisException is checked, though Scala throws it undeclared
            throw new BadQueryException(SparkErrorMessage.of(e), e);
        }
    }

    /** Collects a query's rows; errors while it runs (e.g. division by zero) also become {@link BadQueryException}. */
    public QueryResult collect(String sql, int maxRows) {
        return collect(sql, Map.of(), maxRows);
    }

    /** {@link #collect(String, int)} with named parameters, as {@link #query(String, Map)}. */
    public QueryResult collect(String sql, Map<String, Object> args, int maxRows) {
        Dataset<Row> dataset = query(sql, args);
        try {
            return QueryResult.of(dataset, maxRows);
        } catch (Exception e) { // Spark's AnalysisException is checked, though Scala throws it undeclared
            throw new BadQueryException(SparkErrorMessage.of(e), e);
        }
    }

    public SparkSession spark() {
        return spark;
    }

    public String root() {
        return root;
    }

    public List<String> tables() {
        return tables;
    }

    public List<String> views() {
        return views;
    }

    /** Tables and report views, in registration order. */
    public List<String> names() {
        List<String> all = new ArrayList<>(tables);
        all.addAll(views);
        return all;
    }
}
