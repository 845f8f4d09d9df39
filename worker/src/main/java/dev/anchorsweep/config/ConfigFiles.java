package dev.anchorsweep.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigSyntax;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Loads a HOCON config file (with its includes and substitutions resolved), turning syntax errors into problems. */
public final class ConfigFiles {

    private ConfigFiles() {
    }

    public static Config load(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new InvalidConfigException(List.of(new ConfigProblem(file.toString(), "(file)",
                    "the config file does not exist (expected a HOCON file such as configs/quickstart.conf)")));
        }
        try {
            return ConfigFactory.parseFile(file.toFile(),
                    ConfigParseOptions.defaults().setSyntax(ConfigSyntax.CONF).setAllowMissing(false)).resolve();
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
    }
}
