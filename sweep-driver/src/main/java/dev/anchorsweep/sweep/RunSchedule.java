package dev.anchorsweep.sweep;

import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigValue;
import dev.anchorsweep.config.ConfigProblem;
import dev.anchorsweep.config.ConfigReader;
import dev.anchorsweep.config.ScheduleParser;
import dev.anchorsweep.schedule.KeyframeSchedule;

import java.nio.file.Path;
import java.util.List;

/** A schedule of a run section, resolved by the run's own schedule parser whatever form it is written in. */
final class RunSchedule {

    private RunSchedule() {
    }

    /**
     * The schedule at {@code path} of {@code run} (merged with the defaults), or null (with the parser's problems in
     * {@code problems}) when it is not a valid schedule.
     *
     * @param baseDir the folder dopesheet paths are relative to
     */
    static KeyframeSchedule parse(ConfigObject run, String path, Path baseDir, List<ConfigProblem> problems) {
        List<String> segments = RunPaths.segments(path);
        String parent = String.join(".", segments.subList(0, segments.size() - 1));
        ConfigValue at = RunPaths.valueAt(run, parent);
        if (!(at instanceof ConfigObject parentObject)) return null;
        ConfigReader reader = new ConfigReader(parentObject, "run." + parent, problems);
        return ScheduleParser.parse(reader, segments.get(segments.size() - 1), baseDir);
    }
}
