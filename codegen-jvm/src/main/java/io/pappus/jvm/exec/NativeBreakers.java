package io.pappus.jvm.exec;

import io.pappus.api.query.DistinctOp;
import io.pappus.api.query.FlatMapOp;
import io.pappus.api.query.GroupOp;
import io.pappus.api.query.JoinOp;
import io.pappus.api.query.OrderByOp;
import io.pappus.api.query.TakeOp;
import io.pappus.api.query.ZipOp;
import io.pappus.exec.column.ColumnLayout;
import io.pappus.exec.column.Columns;
import io.pappus.ir.Type;
import io.pappus.jvm.codegen.GeneratedBreaker;
import io.pappus.jvm.codegen.GroupGenerator;
import io.pappus.jvm.codegen.RecordRows;
import io.pappus.jvm.codegen.JoinGenerator;
import io.pappus.jvm.codegen.KeyTypes;
import io.pappus.jvm.compile.ClassCache;
import io.pappus.jvm.runtime.KeyOrder;
import io.pappus.jvm.runtime.KeyRows;
import io.pappus.jvm.runtime.RowTable;
import io.pappus.jvm.runtime.Kernel;
import io.pappus.plan.PlanNode;
import io.pappus.plan.fragment.Fragment;
import io.pappus.plan.fragment.Sink;

import java.util.List;

/**
 * The pipeline breakers this backend runs natively over columns: take (early exit), groupBy,
 * join, distinct on primitive, String and record keys (hashed column by column), orderBy on
 * primitive and String keys. {@link #whyNot} says, for explain and for the
 * executor alike, when one keeps the reference path instead.
 */
public final class NativeBreakers {
    private NativeBreakers() {
    }

    /**
     * @param input a fragment's input node (a breaker)
     * @return why it runs with reference semantics, or null when it runs natively
     */
    public static String whyNot(PlanNode input) {
        Object op = input.op();
        if (op instanceof TakeOp) {
            return null;
        } else if (op instanceof GroupOp) {
            return GroupGenerator.whyNot(input);
        } else if (op instanceof JoinOp) {
            return JoinGenerator.whyNot(input);
        } else if (op instanceof OrderByOp) {
            Type k = input.lambda("key").resultType();
            return k instanceof Type.Prim || k instanceof Type.Str ? null
                    : "orderBy key of type " + k.show() + " is not a primitive or String (its compareTo is the user's)";
        } else if (op instanceof DistinctOp) {
            return KeyTypes.whyNot(input.output(), "distinct on elements");
        }
        return input.op().opName() + " is not compiled natively yet";
    }

    /**
     * @param feed the fragment feeding a groupBy
     * @return whether its map/filter stages run inside the group loop over its input's columns
     *         (not when the input is a zip or a flatMap, whose input columns are not their output:
     *         a zip's are both sides, a flatMap's the elements before it expands them)
     */
    public static boolean fusesInto(Fragment feed) {
        Object op = feed.input().op();
        return feed.sink() instanceof Sink.Collect && !(op instanceof ZipOp) && !(op instanceof FlatMapOp);
    }

    /** @return the breaker's output columns */
    static Columns run(Fragment f, FragmentExecutor ex) {
        PlanNode node = f.input();
        Object op = node.op();
        BreakerCounters.ran(op instanceof OrderByOp ? "orderBy" : node.op().opName());
        if (op instanceof TakeOp t) {
            return ex.prefix(f.feeds().get(0), t.n());
        } else if (op instanceof GroupOp) {
            Fragment feed = f.feeds().get(0);
            boolean fuse = fusesInto(feed);
            // a fused feed's source records are read in place, or laid out only for the fields read
            RecordRows rows = fuse ? RecordRows.of(feed) : null;
            GeneratedBreaker g = fuse ? GroupGenerator.generate(node, f.id(), feed.stages(), feed.inputType(), rows)
                    : GroupGenerator.generate(node, f.id());
            Kernel k = ClassCache.shared().get(g.className(), g.source(), rows == null ? null : rows.loader())
                    .compiled().bind(g.refs());
            List<Object> parts;
            if (rows != null) {
                parts = ChunkRunner.run(k, RecordRows.input(feed), RecordRows.size(feed));
            } else {
                Columns in = fuse ? ex.inputOf(feed, g.reads()) : ex.columns(feed);
                parts = ChunkRunner.run(k, in.leaves(), in.size());
            }
            Object[] r = (Object[]) parts.get(0);
            for (int c = 1; c < parts.size(); c++) {
                r = k.merge(r, (Object[]) parts.get(c));  // chunk order: first occurrences stay first
            }
            return new Columns(ColumnLayout.of(node.output()), java.util.Arrays.copyOfRange(r, 2, r.length),
                    (Integer) r[0]);
        } else if (op instanceof JoinOp) {
            return join(f, ex);
        } else if (op instanceof OrderByOp o) {
            Columns in = ex.columns(f.feeds().get(0));
            Object key = ex.keyColumn(KeyFragments.of(node, 0, node.lambda("key"), f.feeds().get(0).id()), in)
                    .leaves()[0];
            int[] order = key instanceof Object[] strings ? KeyOrder.stableOrder(strings, in.size(), o.descending())
                    : KeyOrder.stableOrder(KeyOrder.sortBits(key, in.size()), in.size(), o.descending());
            return Gather.of(in, order, in.size());
        } else if (op instanceof DistinctOp) {
            Columns in = ex.columns(f.feeds().get(0));
            RowTable seen = new RowTable(new KeyRows(in.leaves(), in.size()));
            int[] keep = new int[in.size()];
            int n = 0;
            for (int i = 0; i < in.size(); i++) {
                if (seen.id(i) == n) {
                    keep[n++] = i;
                }
            }
            return Gather.of(in, keep, n);
        }
        throw new AssertionError(op);
    }

    private static Columns join(Fragment f, FragmentExecutor ex) {
        PlanNode node = f.input();
        Fragment lf = f.feeds().get(0);
        Fragment rf = f.feeds().get(1);
        Columns left = ex.columns(lf);
        Columns right = ex.columns(rf);
        KeyRows lk = new KeyRows(ex.keyColumn(KeyFragments.of(node, 0, node.lambda("leftKey"), lf.id()), left).leaves(),
                left.size());
        KeyRows rk = new KeyRows(ex.keyColumn(KeyFragments.of(node, 1, node.lambda("rightKey"), rf.id()), right)
                .leaves(), right.size());
        // build: per right key, its elements in input order as a linked chain
        RowTable table = new RowTable(rk);
        int[] head = new int[Math.max(16, rk.size())];
        int[] tail = new int[head.length];
        int[] count = new int[head.length];
        int[] next = new int[rk.size()];
        for (int j = 0; j < rk.size(); j++) {
            int g = table.id(j);
            next[j] = -1;
            if (count[g]++ == 0) {
                head[g] = j;
            } else {
                next[tail[g]] = j;
            }
            tail[g] = j;
        }
        // probe in left order: the pairs come out in the reference's order
        long total = 0;
        int[] match = new int[lk.size()];
        for (int i = 0; i < lk.size(); i++) {
            match[i] = table.find(lk, i);
            total += match[i] < 0 ? 0 : count[match[i]];
        }
        if (total > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException("join output of " + total + " elements exceeds one column");
        }
        int[] li = new int[(int) total];
        int[] ri = new int[(int) total];
        int p = 0;
        for (int i = 0; i < lk.size(); i++) {
            for (int j = match[i] < 0 ? -1 : head[match[i]]; j >= 0; j = next[j]) {
                li[p] = i;
                ri[p++] = j;
            }
        }
        GeneratedBreaker g = JoinGenerator.generate(node, f.id());
        Object[] in = new Object[2 + left.leaves().length + right.leaves().length];
        in[0] = li;
        in[1] = ri;
        System.arraycopy(left.leaves(), 0, in, 2, left.leaves().length);
        System.arraycopy(right.leaves(), 0, in, 2 + left.leaves().length, right.leaves().length);
        List<Object> parts = ChunkRunner.run(ClassCache.shared().get(g.className(), g.source()).compiled()
                .bind(g.refs()), in, p);
        return Finisher.collect(ColumnLayout.of(node.output()), parts);
    }
}
