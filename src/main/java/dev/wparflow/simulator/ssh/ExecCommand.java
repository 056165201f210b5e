package dev.wparflow.simulator.ssh;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;

import dev.wparflow.simulator.HostRuntime;

/** An SSH exec request: runs one command line on the host's command executor. */
final class ExecCommand implements Command {
    private final HostRuntime host;
    private final String line;
    private final ExecutorService executor;
    private InputStream in;
    private OutputStream out;
    private OutputStream err;
    private ExitCallback exit;
    private volatile Future<?> task;

    ExecCommand(HostRuntime host, String line, ExecutorService executor) {
        this.host = host;
        this.line = line;
        this.executor = executor;
    }

    @Override
    public void setInputStream(InputStream in) {
        this.in = in; // read by tee only (Invocation.readStdin)
    }

    @Override
    public void setOutputStream(OutputStream out) {
        this.out = out;
    }

    @Override
    public void setErrorStream(OutputStream err) {
        this.err = err;
    }

    @Override
    public void setExitCallback(ExitCallback callback) {
        this.exit = callback;
    }

    @Override
    public void start(ChannelSession channel, Environment env) {
        String user = channel.getSession().getUsername();
        task = executor.submit(() -> {
            int rc;
            try {
                dev.wparflow.simulator.command.Invocation.bindStdin(in);
                rc = host.runLine(user, line, out, err, () -> channel.getSession().close(true));
            } catch (RuntimeException e) {
                rc = 1;
            } finally {
                dev.wparflow.simulator.command.Invocation.bindStdin(null);
            }
            if (rc >= 0) {
                try {
                    out.flush();
                    err.flush();
                } catch (Exception ignored) {
                    // channel already gone
                }
                exit.onExit(rc);
            }
        });
    }

    @Override
    public void destroy(ChannelSession channel) {
        Future<?> t = task;
        if (t != null) {
            t.cancel(true);
        }
    }
}
