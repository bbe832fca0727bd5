package io.pappus.cluster.remote;

import io.pappus.ir.Type;

import java.util.List;

/**
 * Validates a shipped pipeline and its chunk on the member, before anything runs: a malformed
 * or hostile task is refused with a reason ({@link ChunkResult.Rejected}), never half-run.
 *
 * <pre>{@code
 * PipelineCheck.check(pipeline);          // throws InvalidTaskException
 * PipelineCheck.checkChunk(pipeline, c);
 * }</pre>
 */
public final class PipelineCheck {
    private PipelineCheck() {
    }

    /**
     * @param p a pipeline as received
     * @throws InvalidTaskException naming the first problem
     */
    public static void check(RemotePipeline p) {
        if (p == null || p.input() == null || p.partial() == null) {
            throw new InvalidTaskException("pipeline without input type or partial aggregate");
        }
        if (!complete(p.input())) {
            throw new InvalidTaskException("source type " + p.input().show() + " names a Java object");
        }
        Type t = p.input();
        for (int i = 0; i < p.steps().size(); i++) {
            RemoteStep s = p.steps().get(i);
            if (s == null || s.kind() == null || s.lambda() == null) {
                throw new InvalidTaskException("step " + i + " is incomplete");
            }
            String where = "step " + i + " (" + s.kind().opName() + ")";
            LambdaCheck.check(s.lambda(), List.of(t), where);
            Type out = s.lambda().ir().main().result();
            if (s.kind() == RemoteStep.Kind.FILTER) {
                if (!Type.BOOLEAN.equals(out)) {
                    throw new InvalidTaskException(where + " predicate returns " + out.show() + ", not boolean");
                }
            } else {
                t = out;
            }
        }
        partial(p.partial(), t);
    }

    private static void partial(PartialSpec spec, Type t) {
        String where = "partial " + spec.name();
        if (spec instanceof PartialSpec.Sum s) {
            LambdaCheck.check(s.f(), List.of(t), where);
            if (!(s.f().ir().main().result() instanceof Type.Prim p) || p.equals(Type.BOOLEAN)) {
                throw new InvalidTaskException(where + " summand is not numeric");
            }
        } else if (spec instanceof PartialSpec.Fold f) {
            LambdaCheck.check(f.op(), List.of(t, t), where);
            result(f.op(), t, where);
        } else if (spec instanceof PartialSpec.Accumulate a) {
            List<Type> args = a.accumulate().ir().args().stream().map(v -> v.type()).toList();
            Type acc = args.isEmpty() ? null : args.get(0);
            if (acc == null || !IrValueCheck.conforms(a.seed(), acc)) {
                throw new InvalidTaskException(where + " seed is not an IR value of the accumulator's type");
            }
            LambdaCheck.check(a.accumulate(), List.of(acc, t), where);
            result(a.accumulate(), acc, where);
        } else if (spec instanceof PartialSpec.Extreme x) {
            LambdaCheck.check(x.key(), List.of(t), where);
            Type k = x.key().ir().main().result();
            if (!(k instanceof Type.Prim || k instanceof Type.Str)) {
                throw new InvalidTaskException(where + " key " + k.show() + " is not a primitive or String");
            }
        } else if (!(spec instanceof PartialSpec.Collect || spec instanceof PartialSpec.Count)) {
            throw new AssertionError(spec);
        }
    }

    private static void result(ShippedLambda f, Type expected, String where) {
        if (!expected.equals(f.ir().main().result())) {
            throw new InvalidTaskException(where + " returns " + f.ir().main().result().show() + ", not " + expected.show());
        }
    }

    /**
     * @param p     a checked pipeline
     * @param chunk the chunk it is to run over
     * @throws InvalidTaskException when the chunk does not hold IR values of the pipeline's input type
     */
    public static void checkChunk(RemotePipeline p, Chunk chunk) {
        Object col = chunk.column();
        boolean ok = p.input().equals(chunk.type()) && col != null
                && (p.input() instanceof Type.Prim k && columnar(k) && col.getClass() == IrValueCheck.primitiveArrayOf(k.kind())
                || col instanceof Object[] xs && IrValueCheck.allConform(xs, p.input()));
        if (!ok) {
            throw new InvalidTaskException("chunk of " + (chunk.type() == null ? "no type" : chunk.type().show())
                    + " does not hold values of the pipeline's input type " + p.input().show());
        }
    }

    /** Kinds whose Java array elements are already IR values (a {@code byte[]} yields Bytes, not Integers). */
    private static boolean columnar(Type.Prim k) {
        return switch (k.kind()) {
            case BOOLEAN, INT, LONG, FLOAT, DOUBLE -> true;
            default -> false;
        };
    }

    /**
     * @param t a type
     * @return whether it is non-null and holds no {@link Type.Obj} anywhere
     */
    public static boolean complete(Type t) {
        if (t == null || t instanceof Type.Obj) {
            return false;
        }
        if (t instanceof Type.Struct s) {
            return s.fields().stream().allMatch(f -> complete(f.type()));
        }
        return !(t instanceof Type.Array a) || complete(a.element());
    }
}
