package io.pappus.place;

import io.pappus.lift.LiftResult;
import io.pappus.plan.LambdaSite;
import io.pappus.plan.fragment.Fragment;
import io.pappus.plan.fragment.Sink;
import io.pappus.plan.fragment.Stage;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A fragment's key in the execution history: its input type, the shape of each stage's and
 * the sink's lifted IR with constants left out, and the sink kind, hashed to 16 hex digits.
 * An opaque lambda contributes its class name. Two queries that differ only in constants or
 * captured values share a signature, and so share measured history.
 *
 * <pre>{@code
 * String key = FragmentSignature.of(fragment);  // e.g. 9c1e0b7a44d2f310
 * }</pre>
 */
public final class FragmentSignature {
    private FragmentSignature() {
    }

    /**
     * @param f a fragment
     * @return its signature
     */
    public static String of(Fragment f) {
        return hash(text(f));
    }

    /** @return the unhashed signature text */
    static String text(Fragment f) {
        StringBuilder b = new StringBuilder(f.input().op().opName()).append(':').append(f.inputType().show());
        for (Stage s : f.stages()) {
            b.append(" | ").append(s.isFilter() ? "filter " : "map ").append(lambda(s.lambda()));
        }
        b.append(" | ").append(f.sink().name());
        for (LambdaSite l : sinkLambdas(f.sink())) {
            b.append(' ').append(lambda(l));
        }
        return b.toString();
    }

    static java.util.List<LambdaSite> sinkLambdas(Sink s) {
        if (s instanceof Sink.Reduce r) {
            return java.util.List.of(r.op());
        } else if (s instanceof Sink.Aggregate a) {
            return java.util.List.of(a.accumulate(), a.combine());
        } else if (s instanceof Sink.Sum sum) {
            return java.util.List.of(sum.f());
        } else if (s instanceof Sink.Extreme x) {
            return java.util.List.of(x.key());
        } else if (s instanceof Sink.Collect || s instanceof Sink.Count) {
            return java.util.List.of();
        }
        throw new AssertionError(s);
    }

    private static String lambda(LambdaSite l) {
        return l.lift() instanceof LiftResult.Lifted lifted ? IrShape.of(lifted.ir()).shape()
                : "opaque:" + l.fn().getClass().getName();
    }

    private static String hash(String text) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JDK", e);
        }
    }
}
