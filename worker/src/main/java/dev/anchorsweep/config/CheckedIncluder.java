package dev.anchorsweep.config;

import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigIncludeContext;
import com.typesafe.config.ConfigIncluder;
import com.typesafe.config.ConfigIncluderClasspath;
import com.typesafe.config.ConfigIncluderFile;
import com.typesafe.config.ConfigIncluderURL;
import com.typesafe.config.ConfigObject;

import java.io.File;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sees every file include of a config, at any depth, and checks that the file exists: a missing
 * {@code include required(...)} is a problem, a missing plain {@code include} a warning (HOCON skips it silently);
 * both name the including file and line, and the absolute path that was looked for. Typesafe Config's own includer
 * (the fallback) still does the including.
 */
final class CheckedIncluder implements ConfigIncluder, ConfigIncluderFile, ConfigIncluderURL, ConfigIncluderClasspath {

    private static final List<String> EXTENSIONS = List.of(".conf", ".json", ".properties");

    /** What all copies of the includer share while one config file is parsed. */
    private static final class State {
        final List<ConfigProblem> problems;
        final Consumer<ConfigProblem> warnings;
        /** The file being parsed at each depth (null: something not a file, e.g. a class path resource). */
        final Deque<Path> parsing = new ArrayDeque<>();
        /** How often each (including file, name) pair was seen, to find the n-th include statement of it. */
        final Map<String, Integer> seen = new HashMap<>();

        State(List<ConfigProblem> problems, Consumer<ConfigProblem> warnings) {
            this.problems = problems;
            this.warnings = warnings;
        }
    }

    private final State state;
    private final ConfigIncluder fallback;

    CheckedIncluder(Path file, List<ConfigProblem> problems, Consumer<ConfigProblem> warnings) {
        this(new State(problems, warnings), null);
        state.parsing.push(file);
    }

    private CheckedIncluder(State state, ConfigIncluder fallback) {
        this.state = state;
        this.fallback = fallback;
    }

    @Override
    public ConfigIncluder withFallback(ConfigIncluder fallback) {
        return fallback == this.fallback ? this : new CheckedIncluder(state, fallback);
    }

    @Override
    public ConfigObject include(ConfigIncludeContext context, String what) {
        if (isUrl(what) || fallback == null) return parse(null, () -> fallback.include(context, what));
        Path including = state.parsing.peek();
        if (including == NOT_A_FILE) return parse(null, () -> fallback.include(context, what)); // inside a resource
        Path named = Path.of(what);
        Path target = (named.isAbsolute() ? named : including.toAbsolutePath().getParent().resolve(named)).normalize();
        boolean hasExtension = EXTENSIONS.stream().anyMatch(what::endsWith);
        List<Path> candidates = hasExtension ? List.of(target)
                : EXTENSIONS.stream().map(e -> target.resolveSibling(target.getFileName() + e)).toList();
        String looked = hasExtension ? target.toString() : target + "(" + String.join("|", EXTENSIONS) + ")";
        return checked(context, "\"" + what + "\"", what, candidates, looked, () -> fallback.include(context, what));
    }

    @Override
    public ConfigObject includeFile(ConfigIncludeContext context, File what) {
        Path target = what.toPath().toAbsolutePath().normalize();
        return checked(context, "file(\"" + what + "\")", what.toString(), List.of(target), target.toString(),
                () -> ((ConfigIncluderFile) fallback).includeFile(context, what));
    }

    @Override
    public ConfigObject includeURL(ConfigIncludeContext context, URL what) {
        return parse(null, () -> ((ConfigIncluderURL) fallback).includeURL(context, what));
    }

    @Override
    public ConfigObject includeResources(ConfigIncludeContext context, String what) {
        return parse(null, () -> ((ConfigIncluderClasspath) fallback).includeResources(context, what));
    }

    /** Includes a file, first checking that one of {@code candidates} exists. */
    private ConfigObject checked(ConfigIncludeContext context, String form, String name, List<Path> candidates,
                                 String looked, Supplier<ConfigObject> include) {
        boolean required = !context.parseOptions().getAllowMissing();
        Path found = candidates.stream().filter(Files::isRegularFile).findFirst().orElse(null);
        String statement = required ? "include required(" + form + ")" : "include " + form;
        if (found != null) return parse(found, include);
        ConfigObject included;
        try {
            included = parse(null, include);
        } catch (ConfigException.IO e) {
            state.problems.add(new ConfigProblem(where(name), "(include)", statement + ": the included file " + looked
                    + " does not exist"));
            return ConfigFactory.empty().root();
        }
        if (included.isEmpty()) { // not on the class path either
            state.warnings.accept(new ConfigProblem(where(name), "(include)", statement + ": the included file "
                    + looked + " does not exist, so nothing was included (write include required(" + form
                    + ") to make a missing file an error)"));
        }
        return included;
    }

    private ConfigObject parse(Path file, Supplier<ConfigObject> include) {
        state.parsing.push(file == null ? NOT_A_FILE : file);
        try {
            return include.get();
        } finally {
            state.parsing.pop();
        }
    }

    /** Stands for "not a file" on the stack (ArrayDeque takes no nulls). */
    private static final Path NOT_A_FILE = Path.of("");

    /** The including file and the line of the include statement naming {@code name} (its n-th, for the n-th call). */
    private String where(String name) {
        Path including = state.parsing.peek();
        if (including == null || including == NOT_A_FILE) return null;
        String key = including + "\0" + name;
        int nth = state.seen.merge(key, 1, Integer::sum);
        int line = lineOf(including, name, nth);
        return line > 0 ? including + ":" + line : including.toString();
    }

    private static int lineOf(Path file, String name, int nth) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        Pattern statement = Pattern.compile("\\binclude\\b.*\"" + Pattern.quote(name) + "\"");
        int count = 0, first = 0;
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = statement.matcher(lines.get(i));
            if (m.find()) {
                if (first == 0) first = i + 1;
                if (++count == nth) return i + 1;
            }
        }
        return first;
    }

    private static boolean isUrl(String what) {
        try {
            new URL(what);
            return true;
        } catch (MalformedURLException e) {
            return false;
        }
    }
}
