package dev.anchorsweep.fused;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Adam (SCA-SPEC §2: β 0.9/0.999, ε 1e-8, no weight decay) in float, in the form of ND4J's {@code adam_updater}
 * (libnd4j {@code updaterAdam.cpp}) that SameDiff applies: m ← β₁m + (1−β₁)g, v ← β₂v + (1−β₂)g²,
 * θ ← θ − α_t·m / (√v + ε) with α_t = lr·√(1 − β₂^(t+1)) / (1 − β₁^(t+1)) at iteration t (0 for the first step).
 */
final class AdamState {

    private static final VectorSpecies<Float> S = Lanes.SPECIES;
    static final float BETA1 = 0.9f;
    static final float BETA2 = 0.999f;
    static final float EPSILON = 1e-8f;

    private final float[] m;
    private final float[] v;

    AdamState(int size) {
        m = new float[size];
        v = new float[size];
    }

    void update(float[] params, float[] grads, int iteration, double lr) {
        float beta1t = (float) Math.pow(BETA1, iteration + 1);
        float beta2t = (float) Math.pow(BETA2, iteration + 1);
        float alpha = (float) ((float) lr * (float) Math.sqrt((float) (1.0 - beta2t)) / (1.0 - beta1t));
        if (Float.isNaN(alpha) || alpha == 0 || Float.isInfinite(alpha)) alpha = EPSILON;
        float oneMinusBeta1 = 1 - BETA1;
        float oneMinusBeta2 = 1 - BETA2;
        int n = params.length;
        int i = 0;
        for (int upper = S.loopBound(n); i < upper; i += Lanes.LENGTH) {
            FloatVector g = FloatVector.fromArray(S, grads, i);
            FloatVector mi = FloatVector.fromArray(S, m, i).mul(BETA1).add(g.mul(oneMinusBeta1));
            FloatVector vi = FloatVector.fromArray(S, v, i).mul(BETA2).add(g.mul(g).mul(oneMinusBeta2));
            mi.intoArray(m, i);
            vi.intoArray(v, i);
            FloatVector step = mi.mul(alpha).div(vi.lanewise(VectorOperators.SQRT).add(EPSILON));
            FloatVector.fromArray(S, params, i).sub(step).intoArray(params, i);
        }
        for (; i < n; i++) {
            float g = grads[i];
            m[i] = BETA1 * m[i] + g * oneMinusBeta1;
            v[i] = BETA2 * v[i] + g * g * oneMinusBeta2;
            params[i] -= (m[i] * alpha) / ((float) Math.sqrt(v[i]) + EPSILON);
        }
    }
}
