package io.pappus.opencl.exec;

import io.pappus.ir.PrimKind;
import io.pappus.opencl.ResidentColumns;
import io.pappus.opencl.runtime.DeviceInfo;
import io.pappus.opencl.runtime.OclBuffer;
import io.pappus.opencl.runtime.OclSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Columns of {@code cache()}d data sets kept in device buffers across queries, one cache per
 * device. Entries are keyed by the host columns a cache slot holds, weakly: when the data set
 * (and so its slot) becomes garbage, or the slot is released, its buffers are freed at the next
 * access. Bytes held stay within {@code pappus.opencl.cacheBytes} (default: the device-memory
 * budget of {@link MemoryBudget}); least recently used entries not in use by a running query
 * are evicted first, and columns that do not fit are streamed from the host instead.
 */
public final class DeviceCache {
    /** System property: the most bytes of device memory cached columns may hold. */
    public static final String PROPERTY = "pappus.opencl.cacheBytes";
    private static final Logger LOG = LoggerFactory.getLogger(DeviceCache.class);
    private static final Map<String, DeviceCache> CACHES = new ConcurrentHashMap<>();

    private final OclSession session;
    private final DeviceInfo device;
    private final ReferenceQueue<Object> collected = new ReferenceQueue<>();
    private final LinkedHashMap<Key, Entry> entries = new LinkedHashMap<>(16, 0.75f, true);
    private long bytes;
    private long evictions;

    private DeviceCache(DeviceInfo device) {
        this.device = device;
        this.session = OclSession.of(device);
    }

    /**
     * @param device a device
     * @return its cache
     */
    public static DeviceCache of(DeviceInfo device) {
        return CACHES.computeIfAbsent(device.id(), id -> new DeviceCache(device));
    }

    /** Resident buffers lent to one run; close to give them back (they stay cached). */
    public final class Lease implements AutoCloseable {
        private final Entry entry;
        private final long uploaded;

        private Lease(Entry entry, long uploaded) {
            this.entry = entry;
            this.uploaded = uploaded;
        }

        /** @return the columns on the device (the cache owns them) */
        public ResidentColumns columns() {
            return entry.columns;
        }

        /** @return bytes uploaded to make the columns resident: 0 when they already were */
        public long uploadedBytes() {
            return uploaded;
        }

        @Override
        public void close() {
            synchronized (DeviceCache.this) {
                entry.users--;
                if (entry.dropped && entry.users == 0) {
                    entry.free();
                }
            }
        }
    }

    /**
     * @param owner   the host columns object a cache slot holds (the key, held weakly)
     * @param columns those columns in device layout
     * @param kinds   each column's kind
     * @return the resident buffers, uploaded now on a miss; null when they cannot fit
     */
    public synchronized Lease acquire(Object owner, List<Object> columns, List<PrimKind> kinds) {
        expunge();
        Entry e = entries.get(new Key(owner, null));
        if (e != null) {
            e.users++;
            return new Lease(e, 0);
        }
        long need = 0;
        for (Object c : columns) {
            need += Math.max(1, java.lang.reflect.Array.getLength(c)) * (long) OclBuffer.elementType(c).bytes();
        }
        if (!makeRoom(need)) {
            LOG.debug("cached columns of {} bytes do not fit the device cache of {} bytes: streamed", need, limit());
            return null;
        }
        e = new Entry(ResidentColumns.upload(session, columns, kinds,
                columns.isEmpty() ? 0 : java.lang.reflect.Array.getLength(columns.get(0))));
        e.bytes = need;
        e.users = 1;
        bytes += need;
        entries.put(new Key(owner, collected), e);
        return new Lease(e, need);
    }

    /** @return bytes of device memory held by cached columns */
    public synchronized long residentBytes() {
        expunge();
        return bytes;
    }

    /** @return how many entries were evicted to make room, ever */
    public synchronized long evictions() {
        return evictions;
    }

    /** Frees every entry no run is using. */
    public synchronized void clear() {
        for (Iterator<Entry> it = entries.values().iterator(); it.hasNext(); ) {
            drop(it.next());
            it.remove();
        }
    }

    private long limit() {
        Long set = Long.getLong(PROPERTY);
        return set != null && set >= 0 ? set : MemoryBudget.bytes(device);
    }

    private boolean makeRoom(long need) {
        long limit = limit();
        if (need > limit) {
            return false;
        }
        for (Iterator<Entry> it = entries.values().iterator(); it.hasNext() && bytes + need > limit; ) {
            Entry e = it.next();
            if (e.users == 0) {
                it.remove();
                drop(e);
                evictions++;
            }
        }
        return bytes + need <= limit;
    }

    private void expunge() {
        for (Object k; (k = collected.poll()) != null; ) {
            Entry e = entries.remove((Key) k);
            if (e != null) {
                drop(e);
            }
        }
    }

    private void drop(Entry e) {
        bytes -= e.bytes;
        e.dropped = true;
        if (e.users == 0) {
            e.free();
        }
    }

    private static final class Entry {
        final ResidentColumns columns;
        long bytes;
        int users;
        boolean dropped;

        Entry(ResidentColumns columns) {
            this.columns = columns;
        }

        void free() {
            columns.close();
        }
    }

    /** Identity of the owner, held weakly; a lookup key (no queue) equals the stored one while the owner lives. */
    private static final class Key extends WeakReference<Object> {
        private final int hash;

        Key(Object owner, ReferenceQueue<Object> q) {
            super(owner, q);
            hash = System.identityHashCode(owner);
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object o) {
            if (this == o) {
                return true;
            }
            Object mine = get();
            return o instanceof Key k && mine != null && mine == k.get();
        }
    }
}
