package dev.anchorsweep.reproduction;

import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigValueFactory;
import dev.anchorsweep.config.RunConfigParser;
import dev.anchorsweep.run.RunSpec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.IntStream;
import java.util.List;

/** The shipped paper configs (configs/paper/runs/*.conf) as RunSpecs, read exactly as the CLI reads them. */
public final class PaperConfigs {

    private PaperConfigs() {
    }

    public static Path configsDir() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.isDirectory(p.resolve("configs/paper"))) p = p.getParent();
        if (p == null) throw new IllegalStateException("configs/paper not found above " + Path.of("").toAbsolutePath());
        return p.resolve("configs");
    }

    /** e.g. run("ex-2.9.1", 3) */
    public static RunSpec run(String experiment, int seed) {
        Path file = configsDir().resolve("paper/runs/" + experiment + ".conf");
        ConfigObject run = ConfigFactory.parseFile(file.toFile()).resolve().root()
                .withValue("seed", ConfigValueFactory.fromAnyRef(seed));
        return new RunConfigParser(file.getParent()).parse(run, "run");
    }

    public static List<RunSpec> runs(String experiment, int fromSeed, int toSeedInclusive) {
        return IntStream.rangeClosed(fromSeed, toSeedInclusive).mapToObj(s -> run(experiment, s)).toList();
    }
}
