package org.ninexplorer.training.fused;

import org.bytedeco.dnnl.IntMemoryMap;
import org.bytedeco.dnnl.memory;
import org.bytedeco.dnnl.primitive;
import org.bytedeco.dnnl.reorder;
import org.bytedeco.javacpp.Pointer;

import java.util.ArrayList;
import java.util.List;

import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_FROM;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_TO;

/**
 * The native objects a chain of oneDNN primitives needs, kept alive until {@link #release()}: built inside a
 * {@code PointerScope}, which frees the descriptors afterwards, everything a step uses is {@link #keep kept}
 * (oneDNN's objects are reference-counted handles, so a step's copy keeps its memory and primitive descriptor alive).
 */
class OneDnnSteps {

    /** A primitive and its arguments. */
    record Step(primitive primitive, IntMemoryMap args) {
    }

    private final List<Pointer> kept = new ArrayList<>();

    final <P extends Pointer> P keep(P pointer) {
        kept.add(pointer.retainReference());
        return pointer;
    }

    /** A step running {@code p} with {@code args}: pairs of a {@code DNNL_ARG_*} and a memory object. */
    final Step step(primitive p, Object... args) {
        IntMemoryMap map = keep(new IntMemoryMap());
        for (int i = 0; i < args.length; i += 2) {
            map.put((Integer) args[i], (memory) args[i + 1]);
        }
        return new Step(keep(p), map);
    }

    /** A step converting {@code from} into {@code to}'s layout and number format. */
    final Step reorder(memory from, memory to) {
        return step(new reorder(from, to), DNNL_ARG_FROM, from, DNNL_ARG_TO, to);
    }

    /** Frees what was kept; the steps are unusable after. */
    final void release() {
        kept.forEach(Pointer::releaseReference);
        kept.clear();
    }

    static memory.desc any(long[] dims, memory.data_type type) {
        return new memory.desc(dims, type, memory.format_tag.any);
    }
}
