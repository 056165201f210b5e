package dev.wparflow.cli;

import java.util.concurrent.Callable;

import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code wparflow completion}: the bash (and zsh) completion script picocli generates from the commands, for
 * {@code source <(wparflow completion)} or a file in {@code /etc/bash_completion.d/}.
 */
@Command(name = "completion", description = { "Print the bash completion script.",
        "  source <(wparflow completion)   or   wparflow completion > /etc/bash_completion.d/wparflow" })
class CompletionCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getOut().print(AutoComplete.bash("wparflow", spec.root().commandLine()));
        spec.commandLine().getOut().flush();
        return ExitStatus.DONE;
    }
}
