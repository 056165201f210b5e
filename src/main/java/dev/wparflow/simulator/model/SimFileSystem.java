package dev.wparflow.simulator.model;

import java.util.List;

/**
 * The simulated file system of one host: a path to bytes map plus directories. Kept behind an
 * interface so that a later NFS part can mount one shared store on several hosts.
 */
public interface SimFileSystem {
    byte[] read(String path);

    void write(String path, byte[] content);

    boolean exists(String path);

    boolean isDirectory(String path);

    void mkdirs(String path);

    /** Deletes a file, or a directory and everything under it. */
    void delete(String path);

    /** Paths of files (not directories) under a directory, recursively, sorted. */
    List<String> list(String dir);
}
