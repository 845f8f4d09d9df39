package dev.anchorsweep.train;

import java.io.PrintStream;

/**
 * SameDiff 1.0.0-M2.1 prints "Added differentiated op …" to System.out for every op when it builds a gradient
 * function (SameDiff.java line 5044, unconditionally). This drops exactly those lines, so that stdout stays clean for
 * {@code train --json} and quiet logs, without swapping streams under other threads.
 */
final class QuietSameDiff extends PrintStream {

    private static final String NOISE = "Added differentiated op ";

    private QuietSameDiff(PrintStream out) {
        super(out, true);
    }

    static synchronized void install() {
        if (!(System.out instanceof QuietSameDiff)) System.setOut(new QuietSameDiff(System.out));
    }

    @Override
    public void println(String x) {
        if (x != null && x.startsWith(NOISE)) return;
        super.println(x);
    }
}
