package dev.anchorsweep.driver;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * How far each running pack has trained, shared through small files under {@code <root>/_progress/<sweep>/} (a name
 * that every Parquet reader skips): executors write their pack's fraction at every validation step, the driver sums
 * them into the progress line. Works wherever the result tables do.
 */
final class PackProgress {

    private final FileSystem fs;
    private final Path dir;

    PackProgress(String root, String sweepId, Configuration conf) throws IOException {
        FileSystem shared = FileSystem.get(URI.create(root), conf);
        // no .crc side files on a local disk: the driver reads these while executors rewrite them, and a checksum
        // caught mid-rewrite makes Hadoop log a warning on the console
        this.fs = shared instanceof LocalFileSystem local ? local.getRawFileSystem() : shared;
        this.dir = new Path(new Path(root, "_progress"), sweepId);
    }

    /** Records that {@code fraction} of a pack of {@code runs} runs is trained. */
    void write(String packId, int runs, double fraction) {
        try (FSDataOutputStream out = fs.create(new Path(dir, packId), true)) {
            out.write((runs + " " + fraction).getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // progress is advisory; training goes on
        }
    }

    /** Runs' worth of training done across all packs that reported. */
    double trainedRuns() {
        double sum = 0;
        try {
            if (!fs.exists(dir)) return 0;
            for (FileStatus f : fs.listStatus(dir)) {
                try (var in = fs.open(f.getPath())) {
                    String[] parts = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim().split(" ");
                    sum += Integer.parseInt(parts[0]) * Double.parseDouble(parts[1]);
                } catch (IOException | RuntimeException e) {
                    // a file being rewritten: skip it this time
                }
            }
        } catch (IOException e) {
            return sum;
        }
        return sum;
    }

    void clear() {
        try {
            fs.delete(dir, true);
            Path parent = dir.getParent();
            FileStatus[] left = fs.exists(parent) ? fs.listStatus(parent) : new FileStatus[0];
            if (left.length == 0) fs.delete(parent, true);
        } catch (IOException e) {
            // leftover progress files are harmless
        }
    }
}
