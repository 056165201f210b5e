package dev.wparflow.process.provisioning;

import static dev.wparflow.process.provisioning.WparProvisioningVariables.*;

import java.util.Locale;

import org.camunda.bpm.engine.delegate.VariableScope;

import dev.wparflow.aix.HostName;
import dev.wparflow.aix.InterfaceName;
import dev.wparflow.aix.IpAddress;
import dev.wparflow.aix.NetworkSpec;
import dev.wparflow.aix.ResourceControls;
import dev.wparflow.aix.WparName;

/**
 * A provisioning request as the start gave it, each value by the aix layer's rules: the new WPAR's identity, where
 * (an LPAR, or "choose for me" within a managed system), from what (a template, a catalog image, or the spec of an
 * existing WPAR), how (NIM or direct), and the resource controls (Redbook chapter 8). Anything that breaks a rule
 * throws the aix layer's InvalidArgumentException naming the field.
 */
public record ProvisioningRequest(WparName wpar, HostName hostname, NetworkSpec network, String lpar,
        String managedSystem, String source, String template, String imageId, String copyFromLpar,
        WparName copyFromWpar, String method, boolean application, boolean start, Boolean checkpointable,
        ResourceControls controls, String changeReason) {

    public static ProvisioningRequest of(VariableScope v) {
        WparName wpar = WparName.of(WPAR.require(v));
        String address = blankToNull(ADDRESS.get(v));
        NetworkSpec network = address == null ? null
                : new NetworkSpec(IpAddress.of(address), opt(INTERFACE.get(v), InterfaceName::of),
                        opt(NETMASK.get(v), IpAddress::of), null, null);
        String source = lower(SOURCE.get(v), SOURCE_TEMPLATE);
        return new ProvisioningRequest(wpar, HostName.of(blankOr(HOSTNAME.get(v), wpar.value())), network,
                blankToNull(LPAR.get(v)), blankToNull(MANAGED_SYSTEM.get(v)), source, blankToNull(TEMPLATE.get(v)),
                blankToNull(IMAGE_ID.get(v)), blankToNull(COPY_FROM_LPAR.get(v)),
                opt(COPY_FROM_WPAR.get(v), WparName::of), lower(METHOD.get(v), METHOD_AUTO),
                TYPE_APPLICATION.equals(lower(WPAR_TYPE.get(v), TYPE_SYSTEM)), START.orElse(v, true),
                blankToNull(CHECKPOINTABLE.get(v)) == null ? null
                        : "yes".equalsIgnoreCase(CHECKPOINTABLE.get(v).strip()), controls(v), blankToNull(CHANGE_REASON.get(v)));
    }

    /** The resource controls the start asked for (none given: the source's). */
    static ResourceControls controls(VariableScope v) {
        String vm = blankToNull(PROC_VIRT_MEM.get(v));
        return new ResourceControls(null, opt(CPU_SHARES.get(v), Integer::valueOf),
                opt(CPU_LIMITS.get(v), s -> ResourceControls.Limits.parse(CPU_LIMITS.name(), s)),
                opt(MEMORY_SHARES.get(v), Integer::valueOf),
                opt(MEMORY_LIMITS.get(v), s -> ResourceControls.Limits.parse(MEMORY_LIMITS.name(), s)),
                vm == null ? null : ResourceControls.parseSizeMb(PROC_VIRT_MEM.name(), vm),
                opt(TOTAL_PROCESSES.get(v), Long::valueOf), opt(TOTAL_THREADS.get(v), Long::valueOf));
    }

    public String address() {
        return network == null ? null : network.address().value();
    }

    /** The source as a reader names it: "template small", "image 42", "copy of lpar00/wpr00". */
    public String sourceRef() {
        return switch (source) {
            case SOURCE_IMAGE -> "image " + imageId;
            case SOURCE_COPY -> "copy of " + copyFromLpar + "/" + copyFromWpar;
            default -> "template " + template;
        };
    }

    private static String lower(String s, String fallback) {
        return blankOr(s, fallback).toLowerCase(Locale.ROOT);
    }

    private static String blankOr(String s, String fallback) {
        return s == null || s.isBlank() ? fallback : s.strip();
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static <T> T opt(String s, java.util.function.Function<String, T> parse) {
        String v = blankToNull(s);
        return v == null ? null : parse.apply(v);
    }
}
