package dev.wparflow.process.provisioning;

import static dev.wparflow.process.provisioning.WparProvisioningVariables.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;

import dev.wparflow.aix.AbsolutePath;
import dev.wparflow.aix.AixGateway;
import dev.wparflow.aix.AixHost;
import dev.wparflow.aix.HostUnreachable;
import dev.wparflow.aix.InvalidArgumentException;
import dev.wparflow.aix.NimMaster;
import dev.wparflow.aix.NimObjectName;
import dev.wparflow.aix.Origin;
import dev.wparflow.aix.ResourceControls;
import dev.wparflow.aix.SystemInfo;
import dev.wparflow.aix.WparLifecycle;
import dev.wparflow.aix.WparSpec;
import dev.wparflow.catalog.CatalogImage;
import dev.wparflow.catalog.ImageCatalog;
import dev.wparflow.catalog.TemplateCatalog;
import dev.wparflow.catalog.WparTemplate;
import dev.wparflow.inventory.FleetInventory;
import dev.wparflow.inventory.Inventory;
import dev.wparflow.inventory.InventoryRepository;
import dev.wparflow.inventory.WparRecord;

/**
 * The request and the plan of WparProvisioningProcess. {@link #validate} asks no host: names, the inventory's LPARs,
 * templates and images, and whether the name, hostname or address is taken anywhere in the inventory. {@link #plan}
 * reads the hosts (never changes them): the target LPAR (or the one {@link Placement} chooses), NIM or direct, the
 * final spec, free name/hostname/address on the target and in NIM, room in the volume groups, the filesets the
 * template needs, and chapter 8's sum of CPU minimums; it records the plan with the exact commands.
 */
@Service
public class WparProvisioningService {

    /** AIX 6.1 TL2: the level NIM needs on a client that manages WPARs (RB:9626). */
    static final SystemInfo.OsLevel NIM_WPAR_LEVEL = SystemInfo.osLevelOf("6100-02-00-0000");

    /** What the plan step decided. */
    public record Plan(String lpar, String method, String nimMaster, String summary, String plan,
            boolean approvalRequired) {
    }

    private final AixGateway aix;
    private final FleetInventory inventory;
    private final InventoryRepository wpars;
    private final TemplateCatalog templates;
    private final ImageCatalog images;
    private final ProvisioningRecord record;
    private final ProvisioningSettings settings;
    private final Placement placement;
    private final ProvisioningCreation creation;
    private final dev.wparflow.process.restore.RestwparService restwpar;

    public WparProvisioningService(AixGateway aix, FleetInventory inventory, InventoryRepository wpars,
            TemplateCatalog templates, ImageCatalog images, ProvisioningRecord record, ProvisioningSettings settings,
            Placement placement, ProvisioningCreation creation, dev.wparflow.process.restore.RestwparService restwpar) {
        this.aix = aix;
        this.inventory = inventory;
        this.wpars = wpars;
        this.templates = templates;
        this.images = images;
        this.record = record;
        this.settings = settings;
        this.placement = placement;
        this.creation = creation;
        this.restwpar = restwpar;
    }

    // ------------------------------------------------------------------------------------------ validate

    /** Everything that is certain before a host is asked; refused with REQUEST_INVALID or the rule's own code. */
    public ProvisioningRequest validate(String operationId, org.camunda.bpm.engine.delegate.VariableScope variables,
            String requester) {
        ProvisioningRequest r;
        try {
            r = ProvisioningRequest.of(variables);
        } catch (InvalidArgumentException | NumberFormatException e) {
            throw new ProvisioningRefusal("REQUEST_INVALID", e.getMessage());
        }
        record.refusedBeforePlan(operationId, r.wpar().value(), r.hostname().value(), r.source(), r.sourceRef(),
                r.start(), requester);
        Inventory inv = inventory.current();
        if (r.lpar() != null && inv.lpar(r.lpar()).isEmpty()) {
            throw new ProvisioningRefusal("REQUEST_INVALID", "lpar " + r.lpar() + " is not an LPAR of the inventory");
        }
        if (r.managedSystem() != null && inv.managedSystem(r.managedSystem()).isEmpty()) {
            throw new ProvisioningRefusal("REQUEST_INVALID", "managedSystem " + r.managedSystem()
                    + " is not a managed system of the inventory");
        }
        if (METHOD_NIM.equals(r.method()) && inv.nimMasters().isEmpty()) {
            throw new ProvisioningRefusal("NO_NIM_MASTER", "method nim: the inventory has no NIM master");
        }
        if (r.application() && !METHOD_DIRECT.equals(r.method()) && !METHOD_AUTO.equals(r.method())) {
            throw new ProvisioningRefusal("APPLICATION_WPAR_ON_NIM",
                    "NIM manages system WPARs only (Redbook 7.3: application WPARs are not supported)");
        }
        if (r.application() && !SOURCE_TEMPLATE.equals(r.source())) {
            throw new ProvisioningRefusal("REQUEST_INVALID", "an application WPAR is created from a template "
                    + "(wparexec -f); images and copies are of system WPARs");
        }
        switch (r.source()) {
            case SOURCE_TEMPLATE -> template(r);
            case SOURCE_IMAGE -> image(r);
            case SOURCE_COPY -> {
                if (r.copyFromLpar() == null || r.copyFromWpar() == null) {
                    throw new ProvisioningRefusal("REQUEST_INVALID", "source copy needs copyFromLpar and copyFromWpar");
                }
                if (inv.lpar(r.copyFromLpar()).isEmpty()) {
                    throw new ProvisioningRefusal("REQUEST_INVALID", "copyFromLpar " + r.copyFromLpar()
                            + " is not an LPAR of the inventory");
                }
            }
            default -> throw new ProvisioningRefusal("REQUEST_INVALID", "source must be template, image or copy");
        }
        takenInInventory(wpars, r.wpar().value(), r.hostname().value(), r.address()).ifPresent(refusal -> {
            throw refusal;
        });
        return r;
    }

    /**
     * The WPAR of the inventory that already has the name, hostname or address, as a refusal; empty when none does.
     * The start contract and the validation step both ask it.
     */
    static Optional<ProvisioningRefusal> takenInInventory(InventoryRepository wpars, String name, String hostname,
            String address) {
        for (WparRecord w : wpars.wpars(null, null)) {
            if (w.name().equals(name)) {
                return Optional.of(new ProvisioningRefusal("NAME_TAKEN", "the inventory has a WPAR " + w.name()
                        + " on " + w.lpar()));
            }
            if (hostname != null && hostname.equalsIgnoreCase(w.hostname())) {
                return Optional.of(new ProvisioningRefusal("HOSTNAME_TAKEN", "hostname " + w.hostname()
                        + " is used by WPAR " + w.lpar() + "/" + w.name()));
            }
            if (address != null && address.equals(w.address())) {
                return Optional.of(new ProvisioningRefusal("ADDRESS_TAKEN", "address " + w.address()
                        + " is used by WPAR " + w.lpar() + "/" + w.name()));
            }
        }
        return Optional.empty();
    }

    private WparTemplate template(ProvisioningRequest r) {
        if (r.template() == null) {
            throw new ProvisioningRefusal("REQUEST_INVALID", "source template needs a template (GET /api/templates)");
        }
        return templates.find(r.template()).orElseThrow(() -> new ProvisioningRefusal("TEMPLATE_NOT_FOUND",
                "no template " + r.template() + " in the catalog (GET /api/templates)"));
    }

    private CatalogImage image(ProvisioningRequest r) {
        if (r.imageId() == null) {
            throw new ProvisioningRefusal("REQUEST_INVALID", "source image needs an imageId (GET /api/images)");
        }
        CatalogImage img = images.find(r.imageId()).orElseThrow(() -> new ProvisioningRefusal("IMAGE_NOT_FOUND",
                "no image " + r.imageId() + " in the catalog (GET /api/images)"));
        if (img.state() != CatalogImage.State.GOOD) {
            throw new ProvisioningRefusal("IMAGE_NOT_FOUND", "image " + img.id() + " is " + img.state());
        }
        return img;
    }

    // ------------------------------------------------------------------------------------------ plan

    /**
     * Reads the hosts and decides: target, method, spec or image, the commands. Refuses what the hosts already tell
     * (name taken on the target, not enough room, a NIM client below 6.1 TL2…) before any approval.
     */
    public Plan plan(Origin origin, String operationId, ProvisioningRequest r, String requester) {
        Inventory inv = inventory.current();
        Source source = source(origin, r);
        WparSpec spec = source.spec();
        String lpar = r.lpar() != null ? r.lpar()
                : placement.choose(origin, r, spec, source.requiredFilesets()).lpar();
        TargetLpar target = new TargetLpar(aix.on(lpar, origin));
        String address = r.address() != null ? r.address()
                : spec == null || spec.addresses().isEmpty() ? null : spec.addresses().get(0);
        if (r.address() == null && SOURCE_COPY.equals(r.source()) && address != null) {
            throw new ProvisioningRefusal("ADDRESS_REQUIRED", r.copyFromWpar() + " has address " + address
                    + ": a copy of its spec needs an address of its own");
        }
        target.taken(r.wpar().value(), r.hostname().value(), address).ifPresent(refusal -> {
            throw refusal;
        });
        List<String> findings = new ArrayList<>();
        if (source.image() != null) {
            try {
                restwpar.checkImage(origin, lpar, source.image());
            } catch (dev.wparflow.process.backup.BackupRefusal refused) {
                throw new ProvisioningRefusal(refused.code(), refused.getMessage());
            }
            findings.add("image " + source.image().id() + " (" + source.image().path() + "): lssavewpar and SHA-1 "
                    + "checked on " + lpar);
        }
        room(target, spec, source, findings);
        missing(target, source.requiredFilesets());
        ResourceControls effective = (spec == null ? ResourceControls.none() : spec.resourceControls())
                .with(r.controls());
        if (r.start() || r.application()) {
            try {
                ResourceControls.checkSumOfMinimums(lpar, target.runningControls(), effective);
            } catch (InvalidArgumentException e) {
                throw new ProvisioningRefusal("RESOURCE_MINIMUMS_EXCEED_100", e.rule());
            }
            findings.add("CPU minimums of the running WPARs on " + lpar + ": " + target.cpuMinimums() + "% + "
                    + effective.cpuMinimum() + "% requested");
        }
        String method = METHOD_DIRECT;
        String nimMaster = null;
        if (!r.application() && !METHOD_DIRECT.equals(r.method())) {
            nimMaster = nimMasterOf(origin, lpar, r.method(), findings);
            if (nimMaster != null) {
                method = METHOD_NIM;
                checkNimClient(origin, target, nimMaster, r);
            }
        }
        WparSpec finalSpec = spec == null ? null : finalSpec(r, spec);
        String imagePath = source.image() == null ? null : source.image().path();
        if (METHOD_NIM.equals(method) && imagePath != null) {
            creation.nimImageLocation(origin, nimMaster, imagePath);
        }
        String commands = commands(r, lpar, method, nimMaster, effective);
        String summary = "Provision WPAR " + r.wpar() + " on " + lpar + " (" + method + ", " + r.sourceRef() + ")";
        Optional<Inventory.Lpar> inLpar = inv.lpar(lpar);
        boolean approval = settings.approvalRequired(lpar, inLpar.map(Inventory.Lpar::managedSystem).orElse(null));
        String plan = summary + "\n" + (r.changeReason() == null ? "" : "Reason: " + r.changeReason() + "\n")
                + "hostname " + r.hostname() + (address == null ? ", no network" : ", address " + address)
                + (r.start() ? ", started" : ", left Defined") + "\n"
                + (effective.isEmpty() ? "" : "resource controls: " + effective.asKeywords() + "\n")
                + String.join("\n", findings) + "\nCommands:\n" + commands;
        record.plan(new ProvisioningRecord.Planned(operationId, r.wpar().value(), r.hostname().value(), address, lpar,
                method, nimMaster, r.source(), r.sourceRef(), finalSpec == null ? null : finalSpec.render(), imagePath,
                r.controls().isEmpty() ? null : String.join(" ", r.controls().attributes().words()),
                r.start() || r.application(), approval, requester, plan, List.of(), null, null));
        return new Plan(lpar, method, nimMaster, summary, plan, approval);
    }

    /** The spec (template, copy, or the image's own) and, for an image, the image. */
    record Source(WparSpec spec, CatalogImage image, List<String> requiredFilesets) {
    }

    private Source source(Origin origin, ProvisioningRequest r) {
        return switch (r.source()) {
            case SOURCE_IMAGE -> {
                CatalogImage img = image(r);
                WparSpec spec = img.specText() == null ? null : WparSpec.parse(img.specText());
                yield new Source(spec, img, List.of());
            }
            case SOURCE_COPY -> new Source(copySpec(origin, r), null, List.of());
            default -> {
                WparTemplate t = template(r);
                yield new Source(t.spec(), null, t.requiredFilesets());
            }
        };
    }

    /** Redbook 7.2 by code: {@code mkwpar -w -o FILE -e WPAR} on the WPAR's LPAR, read back, the file removed. */
    private WparSpec copySpec(Origin origin, ProvisioningRequest r) {
        AixHost on = aix.on(r.copyFromLpar(), origin);
        if (on.wpar(r.copyFromWpar(), List.of(dev.wparflow.aix.LswparField.NAME)).isEmpty()) {
            throw new ProvisioningRefusal("COPY_SOURCE_NOT_FOUND", "no WPAR " + r.copyFromWpar() + " on "
                    + r.copyFromLpar() + " to copy the spec of");
        }
        AbsolutePath file = AbsolutePath.of(settings.specDirectory() + "/wparflow-copy-" + r.copyFromWpar() + "-"
                + r.wpar() + ".spec");
        on.writeSpec(r.copyFromWpar(), file);
        try {
            return WparSpec.parse(on.readFile(file));
        } finally {
            on.removeFiles(List.of(file));
        }
    }

    private static WparSpec finalSpec(ProvisioningRequest r, WparSpec spec) {
        WparSpec s = spec.forWpar(r.wpar(), r.hostname(), null);
        if (r.network() != null) {
            s = s.withNetwork(r.network());
        }
        if (r.checkpointable() != null) {
            s = s.withCheckpointable(r.checkpointable());
        }
        return s.withResourceControls(r.controls());
    }

    private static void room(TargetLpar target, WparSpec spec, Source source, List<String> findings) {
        if (spec == null) {
            return;
        }
        long need = spec.localFileSystemsMb();
        for (String vg : spec.volumeGroups()) {
            long free = target.freeMb(vg);
            if (free < 0) {
                throw new ProvisioningRefusal("VOLUME_GROUP_NOT_FOUND", target.name() + " has no volume group " + vg
                        + " that the " + (source.image() != null ? "image" : "spec") + " creates file systems in");
            }
            if (free < need) {
                throw new ProvisioningRefusal("NOT_ENOUGH_SPACE", vg + " on " + target.name() + " has " + free
                        + " MB free; the WPAR's file systems need " + need + " MB");
            }
            findings.add(vg + " on " + target.name() + ": " + free + " MB free, " + need + " MB needed");
        }
    }

    private static void missing(TargetLpar target, List<String> required) {
        List<String> missing = target.missingFilesets(required);
        if (!missing.isEmpty()) {
            throw new ProvisioningRefusal("FILESETS_MISSING", target.name() + " lacks " + String.join(", ", missing)
                    + ", which the template requires");
        }
    }

    /** The NIM master that has {@code lpar} as a client (auto: none is fine, direct then). */
    private String nimMasterOf(Origin origin, String lpar, String method, List<String> findings) {
        List<Inventory.NimMaster> masters = inventory.current().nimMasters();
        for (Inventory.NimMaster m : masters) {
            try {
                if (aix.nim(m.name(), origin).hasClient(new NimObjectName(lpar))) {
                    findings.add(lpar + " is a NIM client of " + m.name());
                    return m.name();
                }
            } catch (RuntimeException e) {
                if (!HostUnreachable.isTransportFailure(e)) {
                    throw e;
                }
                if (METHOD_NIM.equals(method)) {
                    throw new ProvisioningRefusal("NIM_MASTER_UNREACHABLE", "NIM master " + m.name()
                            + " cannot be reached: " + e.getMessage());
                }
                findings.add("NIM master " + m.name() + " cannot be reached: created directly");
            }
        }
        if (METHOD_NIM.equals(method)) {
            throw new ProvisioningRefusal("NOT_A_NIM_CLIENT", lpar + " is not a client of any NIM master of the "
                    + "inventory (" + masters.stream().map(Inventory.NimMaster::name).toList() + ")");
        }
        return null;
    }

    private void checkNimClient(Origin origin, TargetLpar target, String nimMaster, ProvisioningRequest r) {
        SystemInfo.OsLevel level = target.oslevel();
        if (level.compareTo(NIM_WPAR_LEVEL) < 0) {
            throw new ProvisioningRefusal("NIM_CLIENT_TOO_OLD", target.name() + " runs " + level.release() + " TL"
                    + level.technologyLevel() + "; NIM manages WPARs of clients at AIX 6.1 TL2 or later (Redbook 7.3)");
        }
        NimObjectName name;
        try {
            name = new NimObjectName(r.wpar().value());
        } catch (InvalidArgumentException e) {
            throw new ProvisioningRefusal("NIM_NAME_INVALID", "WPAR name " + r.wpar() + " is no NIM object name: "
                    + e.rule());
        }
        if (aix.nim(nimMaster, origin).object(name).isPresent()) {
            throw new ProvisioningRefusal("NIM_NAME_TAKEN", "NIM master " + nimMaster + " already has an object named "
                    + name);
        }
    }

    /** The commands the plan shows approvers, as they will be sent (resource names as the creation names them). */
    private String commands(ProvisioningRequest r, String lpar, String method, String nimMaster,
            ResourceControls effective) {
        List<String> lines = new ArrayList<>();
        String name = r.wpar().value();
        boolean image = SOURCE_IMAGE.equals(r.source());
        String controls = String.join(" ", r.controls().attributes().words());
        if (METHOD_NIM.equals(method)) {
            String res = ProvisioningCreation.resourceName(r.wpar(), image);
            if (!image) {
                lines.add(nimMaster + ": tee " + settings.nimResourceDirectory() + "/"
                        + ProvisioningCreation.specFileName(r.wpar()));
            }
            lines.add(nimMaster + ": nim -o define -t " + (image ? "savewpar" : "wpar_spec")
                    + " -a server=master -a location=… " + res + (image ? " (unless the image is one already)" : ""));
            lines.add(nimMaster + ": nim -o define -t wpar -a mgmt_profile1='" + lpar + " " + name
                    + "' -a if1='find_net " + r.hostname() + " 0' " + name);
            lines.add(nimMaster + ": nim -o create -a " + (image ? "savewpar" : "wpar_spec") + "=" + res + " " + name);
            if (image && r.address() != null) {
                lines.add(lpar + ": chwpar -N address=" + r.address() + " " + name);
            }
            if (image && !r.controls().isEmpty()) {
                lines.add(lpar + ": chwpar -R " + controls + " " + name);
            }
            if (r.start()) {
                lines.add(nimMaster + ": nim -o activate " + name);
            }
            lines.add(nimMaster + ": lsnim -l " + name);
        } else if (image) {
            lines.add(lpar + ": restwpar -n " + name + " -h " + r.hostname() + " -d /wpars/" + name
                    + (r.address() == null ? "" : " -M '-N address=" + r.address() + "'") + " -U -f IMAGE");
            if (!r.controls().isEmpty()) {
                lines.add(lpar + ": chwpar -R " + controls + " " + name);
            }
            if (r.start()) {
                lines.add(lpar + ": " + WparLifecycle.startwpar(r.wpar()).commandLine());
            }
        } else {
            String spec = settings.specDirectory() + "/" + ProvisioningCreation.specFileName(r.wpar());
            lines.add(lpar + ": tee " + spec);
            lines.add(lpar + ": " + (r.application() ? "wparexec -f " : "mkwpar -f ") + spec);
            if (r.start() && !r.application()) {
                lines.add(lpar + ": " + WparLifecycle.startwpar(r.wpar()).commandLine());
            }
        }
        lines.add(lpar + ": lswpar -c " + name + "; lswpar -N " + name + "; lswpar -R " + name);
        if (!effective.isEmpty() && !image) {
            lines.add("(resource controls in the spec's resources stanza: " + effective.asKeywords() + ")");
        }
        return "  " + String.join("\n  ", lines);
    }
}
