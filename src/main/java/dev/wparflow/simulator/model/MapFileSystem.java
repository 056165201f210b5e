package dev.wparflow.simulator.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * In-memory {@link SimFileSystem}, thread-safe, with mount points: {@link #mount} makes another
 * store answer for every path under a directory (longest mount point wins).
 */
public final class MapFileSystem implements SimFileSystem {
    private final NavigableMap<String, byte[]> files = new ConcurrentSkipListMap<>();
    private final Set<String> dirs = ConcurrentHashMap.newKeySet();
    private final Map<String, SimFileSystem> mounts = new ConcurrentHashMap<>();

    public MapFileSystem() {
        dirs.add("/");
    }

    public static String normalize(String path) {
        if (path == null || path.isEmpty()) {
            return "/";
        }
        String p = path.replaceAll("/+", "/");
        if (p.length() > 1 && p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p.startsWith("/") ? p : "/" + p;
    }

    public void mount(String mountPoint, SimFileSystem store) {
        mounts.put(normalize(mountPoint), store);
        mkdirs(mountPoint);
    }

    /** Mount point to store (NFS mounts of simulator part 2). */
    public Map<String, SimFileSystem> mounts() {
        return java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(mounts));
    }

    /** The files kept in this store itself (not those of a mounted store), path to a copy of the content. */
    public Map<String, byte[]> localFiles() {
        Map<String, byte[]> copy = new java.util.TreeMap<>();
        files.forEach((p, c) -> copy.put(p, c.clone()));
        return copy;
    }

    /** The directories of this store itself, sorted. */
    public List<String> localDirectories() {
        return dirs.stream().sorted().toList();
    }

    /** Replaces this store's own files and directories (a saved fleet state); mounts stay as they are. */
    public void replaceContent(Map<String, byte[]> newFiles, java.util.Collection<String> newDirs) {
        files.clear();
        dirs.clear();
        dirs.add("/");
        newDirs.forEach(d -> dirs.add(normalize(d)));
        newFiles.forEach((p, c) -> files.put(normalize(p), c.clone()));
    }

    public void unmount(String mountPoint) {
        mounts.remove(normalize(mountPoint));
    }

    private SimFileSystem delegate(String path) {
        String best = null;
        for (String mp : mounts.keySet()) {
            if ((path.equals(mp) || path.startsWith(mp + "/")) && (best == null || mp.length() > best.length())) {
                best = mp;
            }
        }
        return best == null ? null : mounts.get(best);
    }

    @Override
    public byte[] read(String path) {
        String p = normalize(path);
        SimFileSystem d = delegate(p);
        return d != null ? d.read(p) : files.get(p);
    }

    @Override
    public void write(String path, byte[] content) {
        String p = normalize(path);
        SimFileSystem d = delegate(p);
        if (d != null) {
            d.write(p, content);
            return;
        }
        int slash = p.lastIndexOf('/');
        mkdirs(slash <= 0 ? "/" : p.substring(0, slash));
        files.put(p, content.clone());
    }

    @Override
    public boolean exists(String path) {
        String p = normalize(path);
        SimFileSystem d = delegate(p);
        if (d != null && !mounts.containsKey(p)) {
            return d.exists(p);
        }
        return files.containsKey(p) || dirs.contains(p);
    }

    @Override
    public boolean isDirectory(String path) {
        String p = normalize(path);
        SimFileSystem d = delegate(p);
        if (d != null && !mounts.containsKey(p)) {
            return d.isDirectory(p);
        }
        return dirs.contains(p);
    }

    @Override
    public void mkdirs(String path) {
        String p = normalize(path);
        SimFileSystem d = delegate(p);
        if (d != null && !mounts.containsKey(p)) {
            d.mkdirs(p);
            return;
        }
        while (true) {
            dirs.add(p);
            int slash = p.lastIndexOf('/');
            if (slash <= 0) {
                dirs.add("/");
                return;
            }
            p = p.substring(0, slash);
        }
    }

    @Override
    public void delete(String path) {
        String p = normalize(path);
        SimFileSystem d = delegate(p);
        if (d != null && !mounts.containsKey(p)) {
            d.delete(p);
            return;
        }
        files.remove(p);
        files.subMap(p + "/", p + "0").clear();
        dirs.remove(p);
        dirs.removeIf(x -> x.startsWith(p + "/"));
    }

    @Override
    public List<String> list(String dir) {
        String p = normalize(dir);
        SimFileSystem d = delegate(p);
        if (d != null) {
            return d.list(p);
        }
        String prefix = "/".equals(p) ? "/" : p + "/";
        List<String> out = new ArrayList<>(files.subMap(prefix, prefix + Character.MAX_VALUE).keySet());
        return out;
    }
}
