package dev.anchorsweep.results;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.permission.FsPermission;

/**
 * Hadoop's raw local filesystem (no {@code .crc} side files) that sets permissions through java.nio. Without Hadoop's
 * native library, {@link RawLocalFileSystem} forks {@code chmod} on every file create and every mkdir (~2 ms each:
 * more than encoding a run's history); a run commit creates several of both.
 */
final class NoForkLocalFileSystem extends RawLocalFileSystem {

    @Override
    public void setPermission(Path p, FsPermission permission) throws IOException {
        String rwx = permission.getUserAction().SYMBOL + permission.getGroupAction().SYMBOL + permission.getOtherAction().SYMBOL;
        try {
            Files.setPosixFilePermissions(pathToFile(p).toPath(), PosixFilePermissions.fromString(rwx));
        } catch (UnsupportedOperationException notPosix) {
            super.setPermission(p, permission);
        }
    }
}
