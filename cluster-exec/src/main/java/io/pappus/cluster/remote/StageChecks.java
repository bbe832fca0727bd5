package io.pappus.cluster.remote;

import io.pappus.ir.Type;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.List;

/**
 * The member-side checks and column layout that shuffle stages share with chunk tasks: a
 * shipped lambda is validated against the types it will be called with before it runs, and
 * a stage's intermediate elements become a column of the layout {@link PipelineCheck} expects.
 */
public final class StageChecks {
    private StageChecks() {
    }

    /**
     * @param f     a lambda as received
     * @param args  the IR types it will be called with
     * @param where what it is for, for the message
     * @throws InvalidTaskException naming the first problem
     */
    public static void lambda(ShippedLambda f, List<Type> args, String where) {
        if (f == null) {
            throw new InvalidTaskException(where + " has no lambda");
        }
        LambdaCheck.check(f, args, where);
    }

    /**
     * @param p a checked pipeline
     * @return the IR type of its steps' output (the input of its partial aggregate)
     */
    public static Type output(RemotePipeline p) {
        Type t = p.input();
        for (RemoteStep s : p.steps()) {
            if (s.kind() == RemoteStep.Kind.MAP) {
                t = s.lambda().ir().main().result();
            }
        }
        return t;
    }

    /**
     * @param t        the elements' IR type
     * @param elements IR values of that type
     * @return a chunk over them: a primitive array for double, float, int, long and boolean
     */
    public static Chunk chunk(Type t, List<Object> elements) {
        boolean columnar = t instanceof Type.Prim p && switch (p.kind()) {
            case BOOLEAN, INT, LONG, FLOAT, DOUBLE -> true;
            default -> false;
        };
        if (!columnar) {
            return new Chunk(t, elements.toArray());
        }
        Class<?> arr = IrValueCheck.primitiveArrayOf(((Type.Prim) t).kind());
        Object col = Array.newInstance(arr.getComponentType(), elements.size());
        for (int i = 0; i < elements.size(); i++) {
            Array.set(col, i, elements.get(i));
        }
        return new Chunk(t, col);
    }

    /**
     * @param v an IR value as received
     * @param t its expected type
     * @return whether it is one
     */
    public static boolean conforms(Object v, Type t) {
        return IrValueCheck.conforms(v, t);
    }

    /**
     * @param t      the IR type a column should hold
     * @param column a column as received
     * @param where  what it is, for the message
     * @return its values, as IR values
     * @throws InvalidTaskException when it is not a column of {@code t}
     */
    public static List<Object> values(Type t, Object column, String where) {
        Chunk c = new Chunk(t, column);
        try {
            PipelineCheck.checkChunk(new RemotePipeline(t, List.of(), new PartialSpec.Collect()), c);
        } catch (InvalidTaskException e) {
            throw new InvalidTaskException(where + ": " + e.getMessage());
        }
        List<Object> out = new ArrayList<>(c.size());
        for (int i = 0; i < c.size(); i++) {
            out.add(c.get(i));
        }
        return out;
    }
}
