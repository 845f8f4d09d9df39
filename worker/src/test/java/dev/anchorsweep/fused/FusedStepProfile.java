package dev.anchorsweep.fused;

import dev.anchorsweep.reproduction.PaperConfigs;
import dev.anchorsweep.run.RunSpec;

/**
 * Where a fused step's time goes, phase by phase (nanoTime around each phase of many steps of one isolated run).
 * Not a test: {@code java -cp … dev.anchorsweep.fused.FusedStepProfile [experiment] [steps]}.
 */
public final class FusedStepProfile {

    public static void main(String[] args) {
        String experiment = args.length > 0 ? args[0] : "ex-2.9.1";
        int steps = args.length > 1 ? Integer.parseInt(args[1]) : 20000;
        RunSpec run = PaperConfigs.run(experiment, 0);
        FusedLayout layout = new FusedLayout(run.architecture());
        Network net = new Network(layout, run.training().batchSize());
        Network validation = new Network(layout, 351);
        FusedRun fused = new FusedRun(run, layout, net, validation);
        dev.anchorsweep.train.BatchSampler sampler = new dev.anchorsweep.train.BatchSampler(run);
        float[] rows = new float[run.training().batchSize() * 3];
        float[][] labels = new float[run.concepts().size()][net.bp];
        float[] w = new float[run.regularizers().size()];
        java.util.Arrays.fill(w, 0.01f);
        float[] values = new float[w.length];
        AdamState adam = new AdamState(layout.size);
        String[] names = {"sample+load", "forward", "terms", "decoder backward", "term gradients", "encoder backward", "adam"};
        for (int round = 0; round < 3; round++) {
            long[] ns = new long[names.length];
            var mx = java.lang.management.ManagementFactory.getThreadMXBean();
            long cpu0 = mx.getCurrentThreadCpuTime();
            for (int t = 0; t < steps; t++) {
                long t0 = System.nanoTime();
                sampler.next(rows, 0, labels);
                net.load(rows);
                long t1 = System.nanoTime();
                net.forward(fused.params());
                net.recon();
                long t2 = System.nanoTime();
                fused.termValues(w, false, labels, values);
                long t3 = System.nanoTime();
                net.backwardDecoder(fused.params(), fused.grads());
                long t4 = System.nanoTime();
                fused.termGradients(w, labels);
                long t5 = System.nanoTime();
                net.backwardEncoder(fused.params(), fused.grads());
                long t6 = System.nanoTime();
                adam.update(fused.params(), fused.grads(), 100, 1e-6);
                long t7 = System.nanoTime();
                ns[0] += t1 - t0; ns[1] += t2 - t1; ns[2] += t3 - t2; ns[3] += t4 - t3; ns[4] += t5 - t4;
                ns[5] += t6 - t5; ns[6] += t7 - t6;
            }
            long total = java.util.Arrays.stream(ns).sum();
            double cpu = (mx.getCurrentThreadCpuTime() - cpu0) / 1e3 / steps;
            StringBuilder sb = new StringBuilder(String.format("round %d: %.1f µs wall, %.1f µs CPU per step; wall by phase:",
                    round, total / 1e3 / steps, cpu));
            for (int i = 0; i < names.length; i++) sb.append(String.format("  %s %.1f", names[i], ns[i] / 1e3 / steps));
            System.out.println(sb);
        }
    }
}
