package dev.anchorsweep.results;

import java.io.IOException;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.hadoop.util.HadoopStreams;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.PositionOutputStream;

/**
 * A Parquet {@link OutputFile} on a given {@link FileSystem} instance. Unlike {@code HadoopOutputFile}, which looks the
 * filesystem up in Hadoop's JVM-wide cache, this lets {@link ResultStore} write through the raw local filesystem
 * (no {@code .crc} side files) without switching checksums off for every other user of the cached instance.
 */
record FileSystemOutputFile(FileSystem fs, Path path) implements OutputFile {

    @Override
    public PositionOutputStream create(long blockSizeHint) throws IOException {
        return HadoopStreams.wrap(fs.create(path, false));
    }

    @Override
    public PositionOutputStream createOrOverwrite(long blockSizeHint) throws IOException {
        return HadoopStreams.wrap(fs.create(path, true));
    }

    @Override
    public boolean supportsBlockSize() {
        return false;
    }

    @Override
    public long defaultBlockSize() {
        return 0;
    }

    @Override
    public String getPath() {
        return path.toString();
    }
}
