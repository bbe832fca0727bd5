package io.pappus.lift;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.JumpInsnNode;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

/**
 * Basic blocks of one method with reverse postorder and dominators (Cooper, Harvey and
 * Kennedy's iterative algorithm). Blocks are numbered in reverse postorder; unreachable code
 * is left out. Switches and exception edges are rejected before this is built.
 */
final class ControlFlowGraph {
    /** Instruction range {@code [start, end)} of one block, in reverse postorder numbering. */
    record Block(int id, int start, int end) {
    }

    final List<Block> blocks = new ArrayList<>();
    /** Successors by block id: for a conditional jump, {@code [fallThrough, target]}. */
    final List<List<Integer>> succs = new ArrayList<>();
    final List<List<Integer>> preds = new ArrayList<>();
    int[] idom;
    /** Reverse-postorder block of each instruction, -1 where unreachable. */
    int[] blockOfInsn;

    ControlFlowGraph(InsnList insns) {
        int n = insns.size();
        TreeSet<Integer> leaders = new TreeSet<>();
        leaders.add(0);
        for (int i = 0; i < n; i++) {
            AbstractInsnNode in = insns.get(i);
            if (in instanceof JumpInsnNode j) {
                leaders.add(insns.indexOf(j.label));
                leaders.add(i + 1);
            } else if (endsFlow(in.getOpcode())) {
                leaders.add(i + 1);
            }
        }
        leaders.removeIf(i -> i >= n);
        Integer[] starts = leaders.toArray(new Integer[0]);
        int[] blockAt = new int[n];
        for (int b = 0; b < starts.length; b++) {
            int end = b + 1 < starts.length ? starts[b + 1] : n;
            Arrays.fill(blockAt, starts[b], end, b);
        }
        List<List<Integer>> raw = new ArrayList<>();
        for (int b = 0; b < starts.length; b++) {
            int end = b + 1 < starts.length ? starts[b + 1] : n;
            raw.add(rawSuccs(insns, starts[b], end, blockAt));
        }
        order(starts, raw, n);
        blockOfInsn = new int[n];
        for (int i = 0; i < n; i++) {
            blockOfInsn[i] = rpoOf[blockAt[i]];
        }
    }

    private int[] rpoOf;

    private static boolean endsFlow(int op) {
        return op >= Opcodes.IRETURN && op <= Opcodes.RETURN || op == Opcodes.ATHROW
                || op == Opcodes.TABLESWITCH || op == Opcodes.LOOKUPSWITCH;
    }

    private static List<Integer> rawSuccs(InsnList insns, int start, int end, int[] blockAt) {
        int last = end - 1;
        while (last > start && insns.get(last).getOpcode() < 0) {
            last--;
        }
        AbstractInsnNode in = insns.get(last);
        List<Integer> out = new ArrayList<>();
        if (in instanceof JumpInsnNode j) {
            if (in.getOpcode() != Opcodes.GOTO) {
                out.add(blockAt[end]);
            }
            out.add(blockAt[insns.indexOf(j.label)]);
        } else if (!endsFlow(in.getOpcode()) && end < insns.size()) {
            out.add(blockAt[end]);
        }
        return out;
    }

    private void order(Integer[] starts, List<List<Integer>> raw, int n) {
        List<Integer> post = new ArrayList<>();
        boolean[] seen = new boolean[starts.length];
        // iterative DFS keeps deep methods off the Java stack
        int[] next = new int[starts.length];
        List<Integer> stack = new ArrayList<>(List.of(0));
        seen[0] = true;
        while (!stack.isEmpty()) {
            int b = stack.get(stack.size() - 1);
            if (next[b] < raw.get(b).size()) {
                int s = raw.get(b).get(next[b]++);
                if (!seen[s]) {
                    seen[s] = true;
                    stack.add(s);
                }
            } else {
                post.add(b);
                stack.remove(stack.size() - 1);
            }
        }
        int[] rpo = new int[starts.length];
        Arrays.fill(rpo, -1);
        rpoOf = rpo;
        for (int i = 0; i < post.size(); i++) {
            rpo[post.get(post.size() - 1 - i)] = i;
        }
        for (int i = 0; i < post.size(); i++) {
            int b = post.get(post.size() - 1 - i);
            int end = b + 1 < starts.length ? starts[b + 1] : n;
            blocks.add(new Block(i, starts[b], end));
            List<Integer> s = new ArrayList<>();
            for (int t : raw.get(b)) {
                s.add(rpo[t]);
            }
            succs.add(s);
            preds.add(new ArrayList<>());
        }
        for (int b = 0; b < blocks.size(); b++) {
            for (int s : succs.get(b)) {
                if (!preds.get(s).contains(b)) {
                    preds.get(s).add(b);
                }
            }
        }
        dominators();
    }

    private void dominators() {
        idom = new int[blocks.size()];
        Arrays.fill(idom, -1);
        idom[0] = 0;
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int b = 1; b < blocks.size(); b++) {
                int d = -1;
                for (int p : preds.get(b)) {
                    if (idom[p] >= 0) {
                        d = d < 0 ? p : intersect(p, d);
                    }
                }
                if (d != idom[b]) {
                    idom[b] = d;
                    changed = true;
                }
            }
        }
    }

    private int intersect(int a, int b) {
        while (a != b) {
            while (a > b) {
                a = idom[a];
            }
            while (b > a) {
                b = idom[b];
            }
        }
        return a;
    }

    boolean dominates(int a, int b) {
        while (b != a && b != 0) {
            b = idom[b];
        }
        return a == b;
    }

    /** @return whether {@code from -> to} goes backwards (to a block not after it in RPO) */
    boolean isBackEdge(int from, int to) {
        return to <= from;
    }

    /** @return whether the graph is reducible: every backward edge goes to a dominator */
    boolean isReducible() {
        for (int b = 0; b < blocks.size(); b++) {
            for (int s : succs.get(b)) {
                if (isBackEdge(b, s) && !dominates(s, b)) {
                    return false;
                }
            }
        }
        return true;
    }

    boolean isLoopHeader(int b) {
        return preds.get(b).stream().anyMatch(p -> isBackEdge(p, b));
    }

    /** @return whether two or more forward edges enter {@code b} */
    boolean isMergeNode(int b) {
        return preds.get(b).stream().filter(p -> !isBackEdge(p, b)).count() >= 2;
    }
}
