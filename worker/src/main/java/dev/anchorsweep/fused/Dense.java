package dev.anchorsweep.fused;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * A dense layer {@code y = x·W + b} on feature-major batches ({@code x [in][bp]}, {@code y [out][bp]}), its weights
 * {@code W [in][out]} and bias in the flat parameter vector. Four independent accumulators per inner loop keep the
 * fused multiply-adds from waiting on each other.
 */
final class Dense {

    private static final VectorSpecies<Float> S = Lanes.SPECIES;
    private static final int L = Lanes.LENGTH;

    private Dense() {
    }

    /** y[o][·] = b[o] + Σ_i W[i][o]·x[i][·]. */
    static void forward(float[] p, int w, int b, int in, int out, float[] x, float[] y, int bp) {
        for (int c = 0; c < bp; c += L) {
            int o = 0;
            for (; o + 4 <= out; o += 4) {
                FloatVector a0 = FloatVector.broadcast(S, p[b + o]);
                FloatVector a1 = FloatVector.broadcast(S, p[b + o + 1]);
                FloatVector a2 = FloatVector.broadcast(S, p[b + o + 2]);
                FloatVector a3 = FloatVector.broadcast(S, p[b + o + 3]);
                for (int i = 0, wi = w + o; i < in; i++, wi += out) {
                    FloatVector h = FloatVector.fromArray(S, x, i * bp + c);
                    a0 = h.fma(FloatVector.broadcast(S, p[wi]), a0);
                    a1 = h.fma(FloatVector.broadcast(S, p[wi + 1]), a1);
                    a2 = h.fma(FloatVector.broadcast(S, p[wi + 2]), a2);
                    a3 = h.fma(FloatVector.broadcast(S, p[wi + 3]), a3);
                }
                a0.intoArray(y, o * bp + c);
                a1.intoArray(y, (o + 1) * bp + c);
                a2.intoArray(y, (o + 2) * bp + c);
                a3.intoArray(y, (o + 3) * bp + c);
            }
            for (; o < out; o++) {
                FloatVector a0 = FloatVector.broadcast(S, p[b + o]);
                for (int i = 0, wi = w + o; i < in; i++, wi += out) {
                    a0 = FloatVector.fromArray(S, x, i * bp + c).fma(FloatVector.broadcast(S, p[wi]), a0);
                }
                a0.intoArray(y, o * bp + c);
            }
        }
    }

    /**
     * The parameter gradients from the gradient {@code dy [out][bp]} of the layer's output (zero on padded samples):
     * gW[i][o] = Σ x[i][·]·dy[o][·], gb[o] = Σ dy[o][·]. They overwrite {@code g}. A layer at least half a vector
     * wide takes the transposed path ({@code scratch} holds dyᵀ): outputs along the lanes, no lane sums.
     */
    static void parameterGradients(float[] g, int w, int b, int in, int out, float[] x, float[] dy, int bp,
                                   float[] scratch) {
        if (2 * out >= L) {
            transposedGradients(g, w, b, in, out, x, dy, bp, scratch);
        } else {
            laneSumGradients(g, w, b, in, out, x, dy, bp, scratch);
        }
    }

    /** Size of the scratch {@link #parameterGradients} needs for layers up to {@code width} wide. */
    static int scratchSize(int width, int bp) {
        return Math.max(Lanes.padded(width) * bp, 4 * Lanes.LENGTH); // the transposed copy of dy, or 4 vectors of lane sums
    }

    private static void transposedGradients(float[] g, int w, int b, int in, int out, float[] x, float[] dy, int bp,
                                            float[] t) {
        int op = Lanes.padded(out);
        for (int j = 0; j < bp; j++) {
            int row = j * op;
            for (int o = 0; o < out; o++) t[row + o] = dy[o * bp + j];
            for (int o = out; o < op; o++) t[row + o] = 0f;
        }
        for (int ov = 0; ov < op; ov += L) {
            var valid = Lanes.below(ov, out);
            FloatVector bias = FloatVector.zero(S);
            for (int j = 0; j < bp; j++) bias = bias.add(FloatVector.fromArray(S, t, j * op + ov));
            bias.intoArray(g, b + ov, valid);
            int i = 0;
            for (; i + 4 <= in; i += 4) {
                FloatVector a0 = FloatVector.zero(S), a1 = a0, a2 = a0, a3 = a0;
                int x0 = i * bp;
                for (int j = 0; j < bp; j++) {
                    FloatVector d = FloatVector.fromArray(S, t, j * op + ov);
                    a0 = d.fma(FloatVector.broadcast(S, x[x0 + j]), a0);
                    a1 = d.fma(FloatVector.broadcast(S, x[x0 + bp + j]), a1);
                    a2 = d.fma(FloatVector.broadcast(S, x[x0 + 2 * bp + j]), a2);
                    a3 = d.fma(FloatVector.broadcast(S, x[x0 + 3 * bp + j]), a3);
                }
                a0.intoArray(g, w + i * out + ov, valid);
                a1.intoArray(g, w + (i + 1) * out + ov, valid);
                a2.intoArray(g, w + (i + 2) * out + ov, valid);
                a3.intoArray(g, w + (i + 3) * out + ov, valid);
            }
            for (; i < in; i++) {
                FloatVector a0 = FloatVector.zero(S);
                for (int j = 0; j < bp; j++) {
                    a0 = FloatVector.fromArray(S, t, j * op + ov).fma(FloatVector.broadcast(S, x[i * bp + j]), a0);
                }
                a0.intoArray(g, w + i * out + ov, valid);
            }
        }
    }

    /**
     * Each gradient a lane sum of a register accumulator. The accumulators go through {@code lanes} (at least 4 vectors)
     * and {@link Lanes#sumStored}: passed to a call that C2 does not inline (this method is large), a vector is boxed —
     * an allocation per sum, most of a fused step's garbage — while a stored one costs a store. Same sums, same bits.
     */
    private static void laneSumGradients(float[] g, int w, int b, int in, int out, float[] x, float[] dy, int bp,
                                         float[] lanes) {
        for (int o = 0; o < out; o++) {
            FloatVector s = FloatVector.zero(S);
            for (int c = 0; c < bp; c += L) s = s.add(FloatVector.fromArray(S, dy, o * bp + c));
            s.intoArray(lanes, 0);
            g[b + o] = Lanes.sumStored(lanes, 0);
        }
        for (int i = 0; i < in; i++) {
            int o = 0;
            int xi = i * bp;
            for (; o + 4 <= out; o += 4) {
                FloatVector a0 = FloatVector.zero(S), a1 = a0, a2 = a0, a3 = a0;
                for (int c = 0; c < bp; c += L) {
                    FloatVector h = FloatVector.fromArray(S, x, xi + c);
                    a0 = h.fma(FloatVector.fromArray(S, dy, o * bp + c), a0);
                    a1 = h.fma(FloatVector.fromArray(S, dy, (o + 1) * bp + c), a1);
                    a2 = h.fma(FloatVector.fromArray(S, dy, (o + 2) * bp + c), a2);
                    a3 = h.fma(FloatVector.fromArray(S, dy, (o + 3) * bp + c), a3);
                }
                a0.intoArray(lanes, 0);
                a1.intoArray(lanes, L);
                a2.intoArray(lanes, 2 * L);
                a3.intoArray(lanes, 3 * L);
                int gi = w + i * out + o;
                g[gi] = Lanes.sumStored(lanes, 0);
                g[gi + 1] = Lanes.sumStored(lanes, L);
                g[gi + 2] = Lanes.sumStored(lanes, 2 * L);
                g[gi + 3] = Lanes.sumStored(lanes, 3 * L);
            }
            for (; o < out; o++) {
                FloatVector a0 = FloatVector.zero(S);
                for (int c = 0; c < bp; c += L) {
                    a0 = FloatVector.fromArray(S, x, xi + c).fma(FloatVector.fromArray(S, dy, o * bp + c), a0);
                }
                a0.intoArray(lanes, 0);
                g[w + i * out + o] = Lanes.sumStored(lanes, 0);
            }
        }
    }

    /** The gradient of the layer's input: dx[i][·] = Σ_o W[i][o]·dy[o][·]. */
    static void inputGradient(float[] p, int w, int in, int out, float[] dy, float[] dx, int bp) {
        for (int c = 0; c < bp; c += L) {
            int i = 0;
            for (; i + 4 <= in; i += 4) {
                FloatVector a0 = FloatVector.zero(S), a1 = a0, a2 = a0, a3 = a0;
                int w0 = w + i * out;
                for (int o = 0; o < out; o++) {
                    FloatVector d = FloatVector.fromArray(S, dy, o * bp + c);
                    a0 = d.fma(FloatVector.broadcast(S, p[w0 + o]), a0);
                    a1 = d.fma(FloatVector.broadcast(S, p[w0 + out + o]), a1);
                    a2 = d.fma(FloatVector.broadcast(S, p[w0 + 2 * out + o]), a2);
                    a3 = d.fma(FloatVector.broadcast(S, p[w0 + 3 * out + o]), a3);
                }
                a0.intoArray(dx, i * bp + c);
                a1.intoArray(dx, (i + 1) * bp + c);
                a2.intoArray(dx, (i + 2) * bp + c);
                a3.intoArray(dx, (i + 3) * bp + c);
            }
            for (; i < in; i++) {
                FloatVector a0 = FloatVector.zero(S);
                int w0 = w + i * out;
                for (int o = 0; o < out; o++) a0 = FloatVector.fromArray(S, dy, o * bp + c).fma(FloatVector.broadcast(S, p[w0 + o]), a0);
                a0.intoArray(dx, i * bp + c);
            }
        }
    }
}
