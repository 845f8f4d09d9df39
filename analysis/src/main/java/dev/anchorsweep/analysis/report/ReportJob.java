package dev.anchorsweep.analysis.report;

import dev.anchorsweep.analysis.chart.Timeline;
import dev.anchorsweep.analysis.sql.QueryResult;
import dev.anchorsweep.analysis.sql.ReportViews;
import dev.anchorsweep.analysis.sql.ResultCatalog;
import dev.anchorsweep.analysis.sql.ResultRow;
import dev.anchorsweep.analysis.sql.SqlResource;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import static dev.anchorsweep.analysis.report.SignificantDigits.seconds;

/**
 * The report job: Spark SQL over a results folder's tables and views → a static folder with {@code index.html}, PNG
 * charts under {@code img/}, every table as CSV under {@code csv/} and the queries under {@code sql/}.
 */
public final class ReportJob {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ReportJob.class);

    /** What was written: the page, how many charts and tables, and how long it took. */
    public record Result(Path index, String sweepId, int charts, int tables, double seconds) {
    }

    /**
     * Tables and views the report reads more than once, cached for the job: a small table of many small files is then
     * read once, and a view is computed once. The large tables (evaluations, history, latents) are not cached: the
     * report reads a few colour sets or a few runs of them, and Parquet skips the files of other runs.
     */
    private static final List<String> CACHED = List.of("runs", "sweeps", "run_flags", "run_errors", "selection_candidates",
            "best_runs", "best_run_colors");

    public Result write(ResultCatalog catalog, Path out, String sweep) {
        long start = System.nanoTime();
        System.setProperty("java.awt.headless", "true");
        SparkWork work = new SparkWork();
        catalog.spark().sparkContext().addSparkListener(work);
        List<String> cached = new ArrayList<>(CACHED.stream().filter(catalog.names()::contains).toList());
        cached.forEach(v -> catalog.spark().catalog().cacheTable(v));
        ReportSql sql = null;
        ReportFiles files = new ReportFiles(out);
        try {
            // its query reads runs, so runs is cached by it, once, before the queries below that all read it
            String sweepId = chooseSweep(catalog, sweep);
            sql = new ReportSql(catalog, sweepId);
            List<Section> sections = new ArrayList<>();
            boolean hasEvaluations = catalog.tables().contains("evaluations");
            // every query that needs nothing but the views starts now; Spark plans and runs them side by side
            ReportSql.Pending sweepQuery = sql.submit("sweep");
            ReportSql.Pending armRunsQuery = sql.submit("arm_runs");
            ReportSql.Pending timeQuery = sql.submit("training_time");
            ReportSql.Pending axesQuery = sql.submit("axes");
            ReportSql.Pending summaryQuery = hasEvaluations ? sql.submit("arm_summary") : null;
            ReportSql.Pending bestQuery = sql.submit("best_runs");
            ReportSql.Pending colorQuery = hasEvaluations ? sql.submit("best_run_colors") : null;
            ReportSql.Pending runErrorsQuery = hasEvaluations ? sql.submit("run_errors") : null;
            ReportSql.Pending selectionQuery = sql.submit("selection");
            ReportSql.Pending failedQuery = sql.submit("failed_runs");
            ReportSql.Pending stoppedQuery = sql.submit("stopped_runs");
            ReportSql.Pending degenerateQuery = sql.submit("degenerate_runs");
            ReportSql.Pending selectivityQuery = catalog.views().contains("selectivity")
                    ? sql.submit("selectivity_check") : null;
            // one cheap query over the cached runs table: the runs with 3+ snapshots (latent evolution) or named phases
            ReportSql.Pending timelineQuery = sql.submit("timeline_runs");
            ReportSql.Pending phaseCheckQuery = catalog.views().contains("spike_summary") ? sql.submit("phase_check")
                    : null;

            // loss spikes at phase changes: only when some run names phases or has a step schedule (a cheap check)
            boolean spikes = phaseCheckQuery != null && ResultRow.all(phaseCheckQuery.get()).stream()
                    .anyMatch(r -> r.integer("named") > 0 || r.integer("stepped") > 0);
            if (spikes) {
                // the per-run views are cached, so that spike_summary, which reads them, runs after them on their rows
                for (String v : List.of("run_phases", "loss_spikes", "phase_loss")) {
                    catalog.spark().catalog().cacheTable(v);
                    cached.add(v);
                }
            }
            ReportSql.Pending lossSpikesQuery = spikes ? sql.submit("loss_spikes") : null;
            ReportSql.Pending phaseLossQuery = spikes ? sql.submit("phase_loss") : null;

            QueryResult sweepRow = sweepQuery.get();
            SweepInfo info = SweepInfo.of(sweepId, sweepRow);
            files.csv("sweep", sweepRow);
            QueryResult armRuns = armRunsQuery.get();
            List<String> arms = ResultRow.all(armRuns).stream().map(r -> r.string("arm")).toList();
            QueryResult time = timeQuery.get();
            QueryResult axes = axesQuery.get();
            boolean combinations = ResultRow.all(axes).stream().anyMatch(a -> "regularizers".equals(a.string("axis")))
                    && catalog.tables().contains("latents");
            ReportSql.Pending galleryQuery = combinations ? sql.submit("gallery") : null;
            SampledSettingsSection.Pending sampledQueries = SampledSettingsSection.submit(sql, axes);

            QueryResult summary = summaryQuery == null ? empty() : summaryQuery.get();
            List<ArmStat> stats = ArmStat.of(summary);
            QueryResult bestTable = bestQuery.get();
            List<BestRun> best = BestRun.of(bestTable);
            Map<String, BestRun> bestByArm = best.stream().collect(Collectors.toMap(BestRun::arm, b -> b,
                    (a, b) -> a, LinkedHashMap::new));
            QueryResult colorRows = colorQuery == null ? empty() : colorQuery.get();
            List<ColorOutcome> colors = ColorOutcome.of(colorRows);
            ReportSql.Pending paperQuery = hasEvaluations ? paperTable(sql, colors) : null;
            QueryResult gallery = galleryQuery == null ? empty() : galleryQuery.get();
            List<GalleryRow> galleryRows = GalleryRow.of(gallery);

            Map<String, Long> failedRuns = ResultRow.all(armRuns).stream().collect(Collectors.toMap(
                    r -> r.string("arm"), r -> r.integer("failed"), (a, b) -> a, LinkedHashMap::new));
            Map<String, Long> okRuns = ResultRow.all(armRuns).stream().collect(Collectors.toMap(
                    r -> r.string("arm"), r -> r.integer("ok"), (a, b) -> a, LinkedHashMap::new));
            QueryResult degenerate = degenerateQuery.get();
            // a sampled sweep's first question is which settings matter: its section leads (a verdict per point follows)
            boolean sampledFirst = sampledQueries != null && !combinations;
            if (sampledFirst) sections.add(sampledQueries.render(files));
            sections.add(VerdictSection.render(arms, failedRuns, okRuns, DegenerateRun.byArm(DegenerateRun.of(degenerate)),
                    stats, bestByArm, colors, galleryRows));
            if (combinations) {
                sections.add(null); // the gallery goes here once best-run data is in
            }
            if (sampledQueries != null && !sampledFirst) sections.add(sampledQueries.render(files));
            sections.add(OverviewSection.render(info, armRuns, time, axes, files));
            sections.add(AdaptiveSeedsSection.render(catalog, sweepId, files)); // null unless its seeds are adaptive
            if (hasEvaluations) sections.add(SeedsSection.render(arms, stats, summary, runErrorsQuery.get(), files));

            List<String> bestIds = best.stream().map(BestRun::runId).toList();
            BestRunData data = BestRunData.query(sql, bestIds);
            QueryResult paper = paperQuery == null ? empty() : paperQuery.get();
            String paperCsv = hasEvaluations ? files.csv("paper_tables", paper) : null;
            if (hasEvaluations) files.csv("best_run_colors", colorRows);
            List<EvolutionRunInfo> timelineRuns = EvolutionRunInfo.of(timelineQuery.get());
            Map<String, List<Timeline.Phase>> phases = timelineRuns.stream().collect(Collectors.toMap(
                    EvolutionRunInfo::runId, EvolutionRunInfo::phases));
            sections.add(BestRunsSection.render(arms, best, bestTable, selectionQuery.get(), paper, paperCsv, colors,
                    data, phases, files));
            if (combinations) {
                sections.set(1, GallerySection.render(galleryRows, gallery, bestByArm, data, files));
            }
            List<EvolutionRunInfo> evolving = timelineRuns.stream().filter(EvolutionRunInfo::evolves).toList();
            if (!evolving.isEmpty() && catalog.tables().contains("latents")) {
                sections.add(EvolutionSection.render(arms, best, evolving, sql, files));
            }
            if (spikes) {
                QueryResult lossSpikes = lossSpikesQuery.get(), phaseLoss = phaseLossQuery.get();
                sections.add(SpikesSection.render(sql.submit("spike_summary").get(), lossSpikes, phaseLoss, files));
            }
            QueryResult stopped = stoppedQuery.get();
            if (!stopped.rows().isEmpty()) {
                sections.add(StoppingSection.render(sql.submit("stopping_summary").get(), stopped, files));
            }
            sections.add(FailuresSection.render(failedQuery.get(), degenerate, files));
            sections.removeIf(java.util.Objects::isNull);
            QueryResult selectivity = selectivityQuery == null ? empty() : selectivityQuery.get();
            List<ReportViews.View> views = ReportViews.ALL.stream().filter(v -> catalog.views().contains(v.name()))
                    .toList();
            // the methods section lists every query that ran, so it renders last and goes last
            sections.add(MethodsSection.render(selectivity, views, sql.used(), files));

            double queried = (System.nanoTime() - start) / 1e9;
            String html = ReportPage.render(info, kpis(info, armRuns, time, best), sections,
                    Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
            files.write("index.html", html);
            files.finish();
            LOG.info("report: sections done after {} s ({}), charts after {} s", String.format(Locale.ROOT, "%.2f", queried),
                    work, String.format(Locale.ROOT, "%.2f", (System.nanoTime() - start) / 1e9));
            return new Result(out.resolve("index.html"), sweepId, files.charts().size(), files.tables().size(),
                    (System.nanoTime() - start) / 1e9);
        } finally {
            files.stop();
            if (sql != null) sql.stop();
            cached.forEach(v -> catalog.spark().catalog().uncacheTable(v));
            catalog.spark().sparkContext().removeSparkListener(work);
        }
    }

    private static List<ReportPage.Kpi> kpis(SweepInfo info, QueryResult armRuns, QueryResult time, List<BestRun> best) {
        List<ResultRow> arms = ResultRow.all(armRuns);
        long ok = arms.stream().mapToLong(r -> r.integer("ok")).sum();
        long failed = arms.stream().mapToLong(r -> r.integer("failed")).sum();
        long stopped = arms.stream().mapToLong(r -> r.integer("stopped")).sum();
        long seeds = arms.stream().mapToLong(r -> r.integer("seeds")).max().orElse(0);
        List<ReportPage.Kpi> kpis = new ArrayList<>();
        kpis.add(new ReportPage.Kpi(ok + " / " + (ok + stopped + failed), "runs ok", failed == 0 ? "good" : null));
        if (stopped > 0) kpis.add(new ReportPage.Kpi(String.valueOf(stopped), "runs stopped early", null));
        kpis.add(new ReportPage.Kpi(String.valueOf(failed), "runs failed", failed > 0 ? "bad" : null));
        long degenerate = arms.stream().mapToLong(r -> r.integer("degenerate")).sum();
        if (degenerate > 0) kpis.add(new ReportPage.Kpi(String.valueOf(degenerate), "ok runs degenerate", "bad"));
        kpis.add(new ReportPage.Kpi(String.valueOf(arms.size()), arms.size() == 1 ? "arm" : "arms", null));
        kpis.add(new ReportPage.Kpi(String.valueOf(seeds), "seeds per arm (most)", null));
        if (!time.rows().isEmpty()) {
            ResultRow t = ResultRow.all(time).get(0);
            kpis.add(new ReportPage.Kpi(seconds(t.number("train_seconds_total")), "training, total", null));
            kpis.add(new ReportPage.Kpi(seconds(t.number("train_seconds_median")), "training per run (median)", null));
        }
        if (info.wallSeconds() != null) kpis.add(new ReportPage.Kpi(seconds(info.wallSeconds()), "sweep wall time", null));
        return kpis;
    }

    /** The paper-style tables of all best runs in one pivot query: a column per intervention, baseline first. */
    private static ReportSql.Pending paperTable(ReportSql sql, List<ColorOutcome> colors) {
        List<String> interventions = BestRunsSection.interventions(colors);
        if (interventions.isEmpty()) return null;
        return sql.submit("paper_table", new ReportSql.ParameterList("interventions", interventions, true));
    }

    private static String chooseSweep(ResultCatalog catalog, String sweep) {
        List<String> ids = ResultRow.all(catalog.collect(SqlResource.load("report/sweep_ids.sql").text(),
                QueryResult.ALL_ROWS)).stream().map(r -> r.string("sweep_id")).sorted(Comparator.naturalOrder()).toList();
        if (sweep != null) {
            if (!ids.contains(sweep)) {
                throw new IllegalArgumentException("no sweep '" + sweep + "' in " + catalog.root() + "; its sweeps: "
                        + String.join(", ", ids));
            }
            return sweep;
        }
        if (ids.isEmpty()) throw new IllegalArgumentException("no runs under " + catalog.root() + ": nothing to report");
        if (ids.size() > 1) {
            throw new IllegalArgumentException("results folder " + catalog.root() + " holds " + ids.size() + " sweeps ("
                    + String.join(", ", ids) + "): choose one with --sweep");
        }
        return ids.get(0);
    }

    private static QueryResult empty() {
        return new QueryResult(List.of(), List.of(), false);
    }
}
