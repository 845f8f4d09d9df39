package dev.anchorsweep.analysis.sql;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * A Spark SQL statement kept as a classpath resource under {@code dev/anchorsweep/analysis/sql/}, e.g.
 * {@code views/arm_summary.sql}. Placeholders {@code ${name}} are filled by {@link #with(String, String)}.
 */
public record SqlResource(String path, String text) {

    public static final String ROOT = "dev/anchorsweep/analysis/sql/";

    public static SqlResource load(String path) {
        try (InputStream in = SqlResource.class.getClassLoader().getResourceAsStream(ROOT + path)) {
            if (in == null) {
                throw new IllegalStateException("no SQL resource " + ROOT + path + " on the classpath");
            }
            return new SqlResource(path, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read SQL resource " + ROOT + path, e);
        }
    }

    /** The statement with every {@code ${key}} replaced by {@code value}. */
    public SqlResource with(String key, String value) {
        String placeholder = "${" + key + "}";
        if (!text.contains(placeholder)) {
            throw new IllegalArgumentException(path + " has no placeholder " + placeholder);
        }
        return new SqlResource(path, text.replace(placeholder, value));
    }

    /** The file name without folder and extension, e.g. {@code arm_summary}. */
    public String name() {
        String file = path.substring(path.lastIndexOf('/') + 1);
        return file.endsWith(".sql") ? file.substring(0, file.length() - 4) : file;
    }
}
