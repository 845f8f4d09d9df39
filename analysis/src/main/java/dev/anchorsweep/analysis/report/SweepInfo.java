package dev.anchorsweep.analysis.report;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import dev.anchorsweep.analysis.sql.QueryResult;
import dev.anchorsweep.analysis.sql.ResultRow;

/** The sweep a report is about: its {@code sweeps} row, and the description from its resolved config. */
public record SweepInfo(String sweepId, String name, String description, String config, String configFile,
                        String createdAt, String finishedAt, Double wallSeconds, Long runsTotal, Long runsOk,
                        Long runsFailed, String master, String codeVersion) {

    /** From report/sweep.sql; a folder without a sweeps row gives a sweep known only by its id. */
    static SweepInfo of(String sweepId, QueryResult result) {
        if (result.rows().isEmpty()) {
            return new SweepInfo(sweepId, sweepId, null, null, null, null, null, null, null, null, null, null, null);
        }
        ResultRow row = ResultRow.all(result).get(0);
        String config = row.string("config");
        return new SweepInfo(sweepId, row.string("name"), description(config), config, row.string("config_file"),
                row.string("created_at"), row.string("finished_at"), row.number("wall_seconds"),
                row.integer("runs_total"), row.integer("runs_ok"), row.integer("runs_failed"), row.string("master"),
                row.string("code_version"));
    }

    private static String description(String config) {
        if (config == null) return null;
        try {
            Config parsed = ConfigFactory.parseString(config);
            return parsed.hasPath("sweep.description") ? parsed.getString("sweep.description") : null;
        } catch (ConfigException e) {
            return null;
        }
    }
}
