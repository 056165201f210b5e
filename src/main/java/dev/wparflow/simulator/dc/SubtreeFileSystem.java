package dev.wparflow.simulator.dc;

import java.util.List;

import dev.wparflow.simulator.model.MapFileSystem;
import dev.wparflow.simulator.model.SimFileSystem;

/**
 * An NFS mount: the client's {@code localDir/x} is the server's {@code exportDir/x}, in the server's own file
 * system, so every host that mounts the export sees the same files.
 */
public final class SubtreeFileSystem implements SimFileSystem {
    private final SimFileSystem server;
    private final String exportDir;
    private final String localDir;

    public SubtreeFileSystem(SimFileSystem server, String exportDir, String localDir) {
        this.server = server;
        this.exportDir = MapFileSystem.normalize(exportDir);
        this.localDir = MapFileSystem.normalize(localDir);
    }

    private String toServer(String p) {
        String n = MapFileSystem.normalize(p);
        String rest = n.equals(localDir) ? "" : n.substring(localDir.length());
        return MapFileSystem.normalize(exportDir + rest);
    }

    private String toLocal(String serverPath) {
        String rest = serverPath.equals(exportDir) ? "" : serverPath.substring(exportDir.length());
        return MapFileSystem.normalize(localDir + rest);
    }

    @Override
    public byte[] read(String path) {
        return server.read(toServer(path));
    }

    @Override
    public void write(String path, byte[] content) {
        server.write(toServer(path), content);
    }

    @Override
    public boolean exists(String path) {
        return server.exists(toServer(path));
    }

    @Override
    public boolean isDirectory(String path) {
        return server.isDirectory(toServer(path));
    }

    @Override
    public void mkdirs(String path) {
        server.mkdirs(toServer(path));
    }

    @Override
    public void delete(String path) {
        server.delete(toServer(path));
    }

    @Override
    public List<String> list(String dir) {
        return server.list(toServer(dir)).stream().map(this::toLocal).toList();
    }
}
