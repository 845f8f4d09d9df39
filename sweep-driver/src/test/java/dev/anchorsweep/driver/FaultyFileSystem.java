package dev.anchorsweep.driver;

import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.spark.TaskContext;

import java.io.IOException;
import java.net.URI;

/**
 * Test-only fault injection, set up from the test through Spark's Hadoop settings rather than in production code: the
 * local disk under the scheme {@code faulty:}, on which the first attempt of every Spark task dies right after it
 * renames a pack file of the table named by {@code anchorsweep.test.die-after-renaming} into place — {@code runs}: a
 * task that dies after its commit; {@code history}: one killed halfway through its commit, leaving orphans.
 * <pre>spark.hadoop.fs.faulty.impl = dev.anchorsweep.driver.FaultyFileSystem
 * spark.hadoop.anchorsweep.test.die-after-renaming = runs</pre>
 */
public final class FaultyFileSystem extends RawLocalFileSystem {

    static final String TABLE = "anchorsweep.test.die-after-renaming";

    @Override
    public URI getUri() {
        return URI.create("faulty:///");
    }

    @Override
    public String getScheme() {
        return "faulty";
    }

    @Override
    public boolean rename(Path src, Path dst) throws IOException {
        boolean renamed = super.rename(src, dst);
        TaskContext task = TaskContext.get();
        String table = getConf().get(TABLE);
        if (renamed && task != null && task.attemptNumber() == 0 && table != null && dst.getName().startsWith("part-")
                && dst.getParent().getParent().getName().equals(table)) {
            throw new IOException("injected fault: task " + task.partitionId() + " attempt 0 dies after renaming " + dst);
        }
        return renamed;
    }
}
