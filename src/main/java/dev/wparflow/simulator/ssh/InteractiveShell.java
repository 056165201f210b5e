package dev.wparflow.simulator.ssh;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;

import dev.wparflow.simulator.HostRuntime;

/**
 * A login shell for administrators ({@code ssh -p PORT root@127.0.0.1} without a command): prompt
 * {@code root@HOST:/# } as in the Redbook, line editing with echo when a terminal was requested,
 * {@code exit} or Ctrl-D to leave. Each line goes through the same parser, log and faults as exec.
 */
final class InteractiveShell implements Command {
    private final HostRuntime host;
    private final ExecutorService executor;
    private InputStream in;
    private OutputStream out;
    private OutputStream err;
    private ExitCallback exit;
    private volatile Future<?> task;

    InteractiveShell(HostRuntime host, ExecutorService executor) {
        this.host = host;
        this.executor = executor;
    }

    @Override
    public void setInputStream(InputStream in) {
        this.in = in;
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

    /** Turns \n into \r\n for a terminal. */
    private static final class CrLf extends OutputStream {
        private final OutputStream target;

        CrLf(OutputStream target) {
            this.target = target;
        }

        @Override
        public void write(int b) throws IOException {
            if (b == '\n') {
                target.write('\r');
            }
            target.write(b);
        }

        @Override
        public void flush() throws IOException {
            target.flush();
        }
    }

    @Override
    public void start(ChannelSession channel, Environment env) {
        boolean tty = env.getEnv().containsKey(Environment.ENV_TERM) || !env.getPtyModes().isEmpty();
        String user = channel.getSession().getUsername();
        OutputStream o = tty ? new CrLf(out) : out;
        OutputStream e = tty ? new CrLf(err) : err;
        task = executor.submit(() -> {
            try {
                String prompt = user + "@" + host.model().hostname + ":/# ";
                ByteArrayOutputStream lineBuf = new ByteArrayOutputStream();
                o.write(prompt.getBytes(StandardCharsets.UTF_8));
                o.flush();
                int b;
                while ((b = in.read()) >= 0) {
                    if (b == 4 && lineBuf.size() == 0) {
                        break;
                    }
                    if (b == 3) {
                        lineBuf.reset();
                        o.write(("^C\n" + prompt).getBytes(StandardCharsets.UTF_8));
                        o.flush();
                        continue;
                    }
                    if (b == 127 || b == 8) {
                        if (lineBuf.size() > 0) {
                            byte[] cur = lineBuf.toByteArray();
                            lineBuf.reset();
                            lineBuf.write(cur, 0, cur.length - 1);
                            if (tty) {
                                out.write(new byte[] {8, ' ', 8});
                                out.flush();
                            }
                        }
                        continue;
                    }
                    if (b == '\r' || b == '\n') {
                        if (tty) {
                            o.write('\n');
                        }
                        String line = lineBuf.toString(StandardCharsets.UTF_8).trim();
                        lineBuf.reset();
                        if ("exit".equals(line) || "logout".equals(line)) {
                            break;
                        }
                        if (!line.isEmpty()) {
                            host.runLine(user, line, o, e, () -> channel.getSession().close(true));
                        }
                        o.write(prompt.getBytes(StandardCharsets.UTF_8));
                        o.flush();
                        continue;
                    }
                    lineBuf.write(b);
                    if (tty) {
                        out.write(b);
                        out.flush();
                    }
                }
                o.flush();
                exit.onExit(0);
            } catch (IOException | RuntimeException ex) {
                exit.onExit(1);
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
