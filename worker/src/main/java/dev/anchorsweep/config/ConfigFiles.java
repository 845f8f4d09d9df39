package dev.anchorsweep.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigSyntax;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Loads a HOCON config file (with its includes and substitutions resolved), turning syntax errors, missing required
 * includes and non-finite numbers into located problems. A plain {@code include} of a missing file is a warning.
 */
public final class ConfigFiles {

    private ConfigFiles() {
    }

    /** Loads {@code file}, printing every warning on stderr as {@code warning: file:line: ...}. */
    public static Config load(Path file) {
        return load(file, warning -> System.err.println("warning: " + warning));
    }

    /**
     * @param warnings told each thing that does not stop the config from loading (a plain include of a missing file)
     * @throws InvalidConfigException with every problem found
     */
    public static Config load(Path file, Consumer<ConfigProblem> warnings) {
        String unusable = unusable(file);
        if (unusable != null) {
            throw new InvalidConfigException(List.of(new ConfigProblem(file.toString(), "(file)", unusable)));
        }
        // Typesafe resolves includes against the file's parent: a bare name (top.conf) has none, so make it ./top.conf
        if (file.getParent() == null) file = Path.of(".").resolve(file);
        List<ConfigProblem> problems = new ArrayList<>();
        Config config;
        try {
            config = ConfigFactory.parseFile(file.toFile(), ConfigParseOptions.defaults().setSyntax(ConfigSyntax.CONF)
                    .setAllowMissing(false).setIncluder(new CheckedIncluder(file, problems, warnings)));
            if (!problems.isEmpty()) throw new InvalidConfigException(problems);
            config = config.resolve();
        } catch (ConfigException e) {
            String origin = e.origin() == null ? file.toString() : ConfigReader.where(e.origin());
            String message = e.getMessage();
            // Typesafe prefixes the origin itself; keep the message after it
            int cut = message.indexOf(": ");
            if (e.origin() != null && cut > 0 && message.startsWith(e.origin().description())) {
                message = message.substring(cut + 2);
            }
            throw new InvalidConfigException(List.of(new ConfigProblem(origin, "(syntax)", message)));
        }
        FiniteNumbers.check(config.root(), "", problems);
        if (!problems.isEmpty()) throw new InvalidConfigException(problems);
        return config;
    }

    /** Why {@code file} cannot be read as a config file, or null when it can. */
    public static String unusable(Path file) {
        if (Files.isDirectory(file)) {
            return "is a folder, not a config file (expected a HOCON file such as configs/quickstart.conf)";
        }
        if (!Files.exists(file)) {
            return "the config file does not exist (expected a HOCON file such as configs/quickstart.conf)";
        }
        if (!Files.isRegularFile(file)) return "is not a regular file (expected a HOCON file such as configs/quickstart.conf)";
        if (!Files.isReadable(file)) return "the config file cannot be read (permission denied)";
        return null;
    }
}
