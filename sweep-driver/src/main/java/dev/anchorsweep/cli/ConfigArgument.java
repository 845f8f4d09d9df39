package dev.anchorsweep.cli;

import dev.anchorsweep.config.ConfigFiles;

import java.nio.file.Path;

/** The CONFIG parameter of {@code run}, {@code validate} and {@code train}: a readable file. */
final class ConfigArgument {

    private ConfigArgument() {
    }

    static Path require(Path config) {
        String unusable = ConfigFiles.unusable(config);
        if (unusable != null) {
            Path absolute = config.toAbsolutePath().normalize();
            throw new BadArgument("CONFIG " + config + (absolute.toString().equals(config.toString()) ? ""
                    : " (" + absolute + ")") + ": " + unusable);
        }
        return config;
    }
}
