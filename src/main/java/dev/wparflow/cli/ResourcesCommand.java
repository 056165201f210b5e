package dev.wparflow.cli;

import java.util.LinkedHashMap;
import java.util.Map;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code wpar resources}: WparResourceChangeProcess (docs/resources.md) with the inputs of its contract: {@code lpar},
 * {@code wpar}, {@code changeReason} and the controls of Redbook Table 8-1, sent as the text given; the server checks
 * their ranges.
 */
@Command(name = "resources", description = "Change the resource controls of a WPAR (WparResourceChangeProcess,"
        + " chwpar -R; approval).")
class ResourcesCommand extends StartCommand {
    @Parameters(paramLabel = "NAME")
    String wpar;

    @Option(names = { "-l", "--lpar" }, paramLabel = "LPAR", required = true, description = "its LPAR")
    String lpar;

    @Option(names = "--cpu-shares", paramLabel = "N", description = "CPU shares, 1-65535")
    String cpuShares;

    @Option(names = "--cpu-limits", paramLabel = "MIN%-SOFT%,HARD%", description = "CPU limits (5%%-30%%,45%%)")
    String cpuLimits;

    @Option(names = "--memory-shares", paramLabel = "N", description = "memory shares, 1-65535")
    String memoryShares;

    @Option(names = "--memory-limits", paramLabel = "MIN%-SOFT%,HARD%", description = "memory limits")
    String memoryLimits;

    @Option(names = "--proc-virt-mem", paramLabel = "SIZE", description = "virtual memory per process (512MB, 2GB)")
    String procVirtMem;

    @Option(names = "--total-processes", paramLabel = "N", description = "processes in the WPAR")
    String totalProcesses;

    @Option(names = "--total-threads", paramLabel = "N", description = "threads in the WPAR (at least the processes)")
    String totalThreads;

    @Option(names = "--reason", paramLabel = "TEXT", required = true, description = "why (the change reason)")
    String reason;

    @Override
    public Integer call() {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("lpar", lpar);
        v.put("wpar", wpar);
        v.put("cpuShares", cpuShares);
        v.put("cpuLimits", cpuLimits);
        v.put("memoryShares", memoryShares);
        v.put("memoryLimits", memoryLimits);
        v.put("procVirtMem", procVirtMem);
        v.put("totalProcesses", totalProcesses);
        v.put("totalThreads", totalThreads);
        if (v.values().stream().skip(2).allMatch(x -> x == null)) {
            throw new CliException(ExitStatus.USAGE, "wpar resources: name at least one control to change"
                    + " (--cpu-shares, --cpu-limits, --memory-shares, --memory-limits, --proc-virt-mem,"
                    + " --total-processes, --total-threads)");
        }
        v.put("changeReason", reason);
        return start("WparResourceChangeProcess", v);
    }
}
