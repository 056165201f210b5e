package dev.wparflow.process.provisioning;

import static dev.wparflow.process.provisioning.ProvisioningRecord.Created.*;
import static dev.wparflow.process.provisioning.WparProvisioningVariables.SOURCE_IMAGE;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import dev.wparflow.aix.AbsolutePath;
import dev.wparflow.aix.AixGateway;
import dev.wparflow.aix.AixHost;
import dev.wparflow.aix.HostName;
import dev.wparflow.aix.IpAddress;
import dev.wparflow.aix.Lswpar;
import dev.wparflow.aix.MkwparOptions;
import dev.wparflow.aix.NetworkSpec;
import dev.wparflow.aix.NimMaster;
import dev.wparflow.aix.NimObjectName;
import dev.wparflow.aix.Origin;
import dev.wparflow.aix.ResourceControls;
import dev.wparflow.aix.WparBackup;
import dev.wparflow.aix.WparInfo;
import dev.wparflow.aix.WparLifecycle;
import dev.wparflow.aix.WparName;
import dev.wparflow.aix.WparNetwork;
import dev.wparflow.aix.WparState;
import dev.wparflow.aix.WparType;
import dev.wparflow.inventory.FleetInventory;
import dev.wparflow.inventory.Inventory;
import dev.wparflow.inventory.InventoryRepository;
import dev.wparflow.inventory.WparRecord;
import dev.wparflow.lock.LeaseLockService;
import dev.wparflow.lock.LockAcquisition;
import dev.wparflow.lock.LockResource;
import dev.wparflow.process.provisioning.ProvisioningRecord.Created;
import dev.wparflow.process.provisioning.ProvisioningRecord.Planned;
import dev.wparflow.run.RemoteRun;
import dev.wparflow.run.RemoteRunService;

/**
 * The steps of WparProvisioningProcess that change hosts, each reading the plan from {@link ProvisioningRecord} and
 * each idempotent (it looks first): the leases, the last look at the target, the NIM objects (Redbook 7.3: a
 * {@code wpar_spec} or {@code savewpar} resource and the {@code wpar} machine), the creation as a detached run
 * ({@code nim -o create}, {@code mkwpar -f}, {@code wparexec -f} or {@code restwpar}), the start, and the verification
 * on both state machines (NIM's Defined/Created/Running and the WPAR's own). Everything is added to the record before
 * the command that creates it is sent.
 */
@Service
public class ProvisioningCreation {

    private final AixGateway aix;
    private final ProvisioningRecord record;
    private final ProvisioningSettings settings;
    private final RemoteRunService runs;
    private final LeaseLockService locks;
    private final TransactionTemplate ownTransaction;
    private final FleetInventory inventory;
    private final InventoryRepository wpars;

    public ProvisioningCreation(AixGateway aix, ProvisioningRecord record, ProvisioningSettings settings,
            RemoteRunService runs, LeaseLockService locks, PlatformTransactionManager transactions,
            FleetInventory inventory, InventoryRepository wpars) {
        this.aix = aix;
        this.record = record;
        this.settings = settings;
        this.runs = runs;
        this.locks = locks;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_NOT_SUPPORTED);
        this.inventory = inventory;
        this.wpars = wpars;
    }

    /** {@code wparflow-NAME.spec}: the spec file a creation reads. */
    static String specFileName(WparName wpar) {
        return "wparflow-" + wpar.value() + ".spec";
    }

    /** The NIM resource a provisioning defines: {@code NAME_spec} (wpar_spec) or {@code NAME_savewpar}. */
    static String resourceName(WparName wpar, boolean image) {
        return wpar.value() + (image ? "_savewpar" : "_spec");
    }

    // ------------------------------------------------------------------------------------------ leases

    /**
     * The leases on the new WPAR's name, the target LPAR and (NIM) the NIM master, all or none; a lease held by
     * another operation refuses the provisioning (LOCKED) with the holder.
     */
    public void acquireLocks(String operationId) {
        Planned p = record.require(operationId);
        List<LockResource> wanted = new java.util.ArrayList<>(List.of(LockResource.wpar(p.lpar(), p.wpar()),
                LockResource.host(p.lpar())));
        if (p.nim()) {
            wanted.add(LockResource.nim(p.nimMaster()));
        }
        for (LockResource r : wanted) {
            LockAcquisition a = ownTransaction.execute(status -> locks.acquire(r, operationId,
                    "provisioning " + p.lpar() + "/" + p.wpar(), settings.lockLease()));
            if (a instanceof LockAcquisition.HeldByOther other) {
                releaseLocks(operationId);
                throw new ProvisioningRefusal("LOCKED", other.describe());
            }
        }
    }

    public void releaseLocks(String operationId) {
        ownTransaction.executeWithoutResult(status -> locks.releaseAll(operationId));
    }

    // ------------------------------------------------------------------------------------------ creation

    /**
     * Under the leases, the target once more: the name, hostname and address still free there (something may have
     * taken them since the plan) and, for NIM, no machine object by the name.
     */
    public void recheckTarget(Origin origin, String operationId) {
        Planned p = record.require(operationId);
        new TargetLpar(aix.on(p.lpar(), origin)).taken(p.wpar(), p.hostname(), p.address()).ifPresent(refusal -> {
            throw refusal;
        });
        if (p.nim() && aix.nim(p.nimMaster(), origin).object(new NimObjectName(p.wpar())).isPresent()
                && !p.created().contains(new Created(NIM_MACHINE, p.nimMaster(), p.wpar()))) {
            throw new ProvisioningRefusal("NIM_NAME_TAKEN", "NIM master " + p.nimMaster() + " has an object named "
                    + p.wpar() + " since the plan");
        }
    }

    /** The NIM resource (the spec written on the master, or the image) and the WPAR machine, unless defined already. */
    public void defineNimObjects(Origin origin, String operationId) {
        Planned p = record.require(operationId);
        NimMaster nim = aix.nim(p.nimMaster(), origin);
        WparName wpar = WparName.of(p.wpar());
        boolean image = SOURCE_IMAGE.equals(p.sourceKind());
        NimObjectName res = new NimObjectName(resourceName(wpar, image));
        AbsolutePath location;
        if (image) {
            location = AbsolutePath.of(nimImageLocation(origin, p.nimMaster(), p.imagePath()));
        } else {
            location = AbsolutePath.of(settings.nimResourceDirectory() + "/" + specFileName(wpar));
            record.willCreate(operationId, new Created(FILE, p.nimMaster(), location.value()));
            aix.on(p.nimMaster(), origin).writeFile(location, p.specText());
        }
        Optional<dev.wparflow.aix.Nim.NimStanza> existing = nim.object(res);
        if (existing.isEmpty()) {
            record.willCreate(operationId, new Created(NIM_RESOURCE, p.nimMaster(), res.value()));
            nim.defineResource(image ? NimMaster.ResourceType.SAVEWPAR : NimMaster.ResourceType.WPAR_SPEC, res,
                    location);
        } else if (!location.value().equals(existing.get().get("location"))) {
            throw new ProvisioningRefusal("NIM_NAME_TAKEN", "NIM resource " + res + " exists with location "
                    + existing.get().get("location") + ", not " + location);
        }
        NimObjectName machine = new NimObjectName(p.wpar());
        if (nim.object(machine).isEmpty()) {
            record.willCreate(operationId, new Created(NIM_MACHINE, p.nimMaster(), p.wpar()));
            nim.defineWpar(machine, new NimObjectName(p.lpar()), HostName.of(p.hostname()));
        }
    }

    /** {@code nim -o create -a wpar_spec|savewpar=RES NAME} on the master, detached; the run's id. */
    public String startNimCreate(Origin origin, String operationId) {
        Planned p = record.require(operationId);
        WparName wpar = WparName.of(p.wpar());
        boolean image = SOURCE_IMAGE.equals(p.sourceKind());
        record.willCreate(operationId, new Created(WPAR, p.lpar(), p.wpar()));
        return runs.start(origin, p.nimMaster(), NimMaster.create(new NimObjectName(p.wpar()),
                image ? NimMaster.ResourceType.SAVEWPAR : NimMaster.ResourceType.WPAR_SPEC,
                new NimObjectName(resourceName(wpar, image))), null);
    }

    /**
     * On the target LPAR, detached: {@code mkwpar -f SPEC} (or {@code wparexec -f SPEC} for an application WPAR) after
     * writing the spec there, or {@code restwpar -n -h -d [-M '-N address='] -U -f IMAGE} (RB:3889, RB:3975).
     */
    public String startDirectCreate(Origin origin, String operationId, boolean application) {
        Planned p = record.require(operationId);
        WparName wpar = WparName.of(p.wpar());
        AixHost on = aix.on(p.lpar(), origin);
        if (SOURCE_IMAGE.equals(p.sourceKind())) {
            MkwparOptions mk = p.address() == null ? null : MkwparOptions.builder()
                    .flag("-N", NetworkSpec.address(IpAddress.of(p.address())).attributes()).build();
            record.willCreate(operationId, new Created(WPAR, p.lpar(), p.wpar()));
            return runs.start(origin, p.lpar(), WparBackup.restwpar(new WparBackup.RestwparRequest(
                    AbsolutePath.of(p.imagePath()), wpar, HostName.of(p.hostname()),
                    AbsolutePath.of("/wpars/" + p.wpar()), null, mk, true)), null);
        }
        AbsolutePath spec = AbsolutePath.of(settings.specDirectory() + "/" + specFileName(wpar));
        record.willCreate(operationId, new Created(FILE, p.lpar(), spec.value()));
        on.writeFile(spec, p.specText());
        record.willCreate(operationId, new Created(WPAR, p.lpar(), p.wpar()));
        return runs.start(origin, p.lpar(), application ? WparLifecycle.wparexecFromSpec(spec)
                : WparLifecycle.mkwpar(WparLifecycle.MkwparRequest.fromSpec(spec)), null);
    }

    /**
     * The creation's run ended 0 (for mkwpar and restwpar with "created successfully"); an image then gets the
     * address (NIM) and the resource controls asked for ({@code chwpar -N}, {@code chwpar -R}).
     */
    public void checkCreated(Origin origin, String operationId, String runId) {
        Planned p = record.require(operationId);
        RemoteRun run = runs.find(runId).orElseThrow(() -> new IllegalStateException("no run " + runId));
        String what = run.command().split("\\s+", 2)[0];
        if (!run.succeeded()) {
            throw new ProvisioningRefusal("CREATE_FAILED", what + " of " + p.lpar() + "/" + p.wpar() + " "
                    + (run.state() == RemoteRun.State.EXITED ? "exited " + run.exitCode()
                            : run.state().name().toLowerCase(Locale.ROOT)) + ": " + run.lastLine());
        }
        AixHost on = aix.on(p.lpar(), origin);
        if (on.wpar(WparName.of(p.wpar()), Lswpar.DEFAULT_FIELDS).isEmpty()) {
            throw new ProvisioningRefusal("CREATE_FAILED", what + " ended 0 but " + p.lpar() + " has no WPAR "
                    + p.wpar() + ": " + run.lastLine());
        }
        if (SOURCE_IMAGE.equals(p.sourceKind())) {
            WparName wpar = WparName.of(p.wpar());
            if (p.nim() && p.address() != null && on.networks(List.of(wpar)).stream()
                    .noneMatch(n -> p.address().equals(n.address()))) {
                on.run(WparLifecycle.changeNetwork(wpar, NetworkSpec.address(IpAddress.of(p.address()))));
            }
            ResourceControls wanted = requestedControls(p);
            if (!wanted.isEmpty()) {
                on.changeResourceControls(wpar, wanted);
            }
        }
    }

    /**
     * The creation outlived its timeout: the run is cancelled and the provisioning fails with CREATE_TIMEOUT; a run
     * that exited as the timer fired is checked as usual.
     */
    public void cancelTimedOut(Origin origin, String operationId, String runId) {
        Optional<RemoteRun> run = runId == null ? Optional.empty() : runs.find(runId);
        if (run.isPresent() && run.get().state() == RemoteRun.State.EXITED) {
            return;
        }
        run.ifPresent(r -> runs.cancel(runId, origin));
        throw new ProvisioningRefusal("CREATE_TIMEOUT", "the creation of " + record.require(operationId).wpar()
                + " ran longer than " + settings.createTimeout() + " and was cancelled (run " + runId + ")");
    }

    /** {@code nim -o activate} (NIM) or {@code startwpar}, unless the WPAR is Active already (a retry). */
    public void start(Origin origin, String operationId) {
        Planned p = record.require(operationId);
        WparInfo w = look(origin, p).orElseThrow(() -> new ProvisioningRefusal("VERIFY_FAILED", p.lpar()
                + " has no WPAR " + p.wpar() + " to start"));
        if (w.state() == WparState.ACTIVE) {
            return;
        }
        if (p.nim()) {
            aix.nim(p.nimMaster(), origin).activate(new NimObjectName(p.wpar()));
        } else {
            aix.on(p.lpar(), origin).start(WparName.of(p.wpar()));
        }
    }

    /**
     * The WPAR is there in the state asked for (Active when started, else Defined) with its hostname, address and
     * the resource controls asked for ({@code lswpar -R}); a NIM machine is Running or Created in {@code lsnim -l}.
     * Records it in the inventory; returns what was verified.
     */
    public String verify(Origin origin, String operationId) {
        Planned p = record.require(operationId);
        WparName wpar = WparName.of(p.wpar());
        AixHost on = aix.on(p.lpar(), origin);
        WparInfo w = look(origin, p).orElseThrow(() -> new ProvisioningRefusal("VERIFY_FAILED", p.lpar()
                + " has no WPAR " + p.wpar()));
        WparState want = p.start() ? WparState.ACTIVE : WparState.DEFINED;
        if (w.state() != want) {
            throw new ProvisioningRefusal("VERIFY_FAILED", p.lpar() + "/" + p.wpar() + " is " + w.state()
                    + ", expected " + want);
        }
        if (!p.hostname().equalsIgnoreCase(w.hostname())) {
            throw new ProvisioningRefusal("VERIFY_FAILED", p.lpar() + "/" + p.wpar() + " has hostname " + w.hostname()
                    + ", expected " + p.hostname());
        }
        List<WparNetwork> nets = on.networks(List.of(wpar));
        if (p.address() != null && nets.stream().noneMatch(n -> p.address().equals(n.address()))) {
            throw new ProvisioningRefusal("VERIFY_FAILED", p.lpar() + "/" + p.wpar() + " lacks address " + p.address());
        }
        ResourceControls have = on.resourceControls(List.of(wpar)).get(p.wpar());
        String controls = compare(requestedControls(p), have, p);
        String nimState = "";
        if (p.nim()) {
            NimMaster.NimWparState st = aix.nim(p.nimMaster(), origin).wparMachine(new NimObjectName(p.wpar()))
                    .map(NimMaster.WparMachine::state).orElseThrow(() -> new ProvisioningRefusal("VERIFY_FAILED",
                            "NIM master " + p.nimMaster() + " has no machine " + p.wpar()));
            NimMaster.NimWparState wantNim = p.start() ? NimMaster.NimWparState.RUNNING : NimMaster.NimWparState.CREATED;
            if (st != wantNim) {
                throw new ProvisioningRefusal("VERIFY_FAILED", "lsnim -l " + p.wpar() + " on " + p.nimMaster()
                        + " shows " + st + ", expected " + wantNim);
            }
            nimState = ", NIM " + st;
        }
        String address = nets.isEmpty() ? null : nets.get(0).address();
        wpars.recordCreated(new WparRecord(p.lpar(), p.wpar(), w.type() == null ? WparType.SYSTEM.name()
                : w.type().name(), w.state().name(), w.hostname(), address,
                nets.isEmpty() ? null : nets.get(0).interfaceName(), w.directory(), null, true, false, Instant.now(),
                p.lpar(), null));
        return p.lpar() + "/" + p.wpar() + " " + w.state() + ", hostname " + w.hostname()
                + (address == null ? "" : ", address " + address) + nimState + controls;
    }

    private static String compare(ResourceControls wanted, ResourceControls have, Planned p) {
        if (wanted.isEmpty()) {
            return "";
        }
        if (have == null) {
            throw new ProvisioningRefusal("VERIFY_FAILED", "lswpar -R lists no controls for " + p.wpar());
        }
        ResourceControls merged = have.with(wanted);
        if (!merged.equals(have)) {
            throw new ProvisioningRefusal("VERIFY_FAILED", p.lpar() + "/" + p.wpar() + " has resource controls "
                    + have.asKeywords() + ", asked for " + wanted.asKeywords());
        }
        return ", resource controls " + wanted.asKeywords();
    }

    /** The controls the request set (recorded as {@code -R} words). */
    static ResourceControls requestedControls(Planned p) {
        if (p.resourceControls() == null || p.resourceControls().isBlank()) {
            return ResourceControls.none();
        }
        java.util.Map<String, String> kv = new java.util.HashMap<>();
        for (String w : p.resourceControls().split("\\s+")) {
            int eq = w.indexOf('=');
            kv.put(w.substring(0, eq), w.substring(eq + 1));
        }
        return ResourceControls.fromKeywords(kv);
    }

    Optional<WparInfo> look(Origin origin, Planned p) {
        return aix.on(p.lpar(), origin).wpar(WparName.of(p.wpar()), Lswpar.DEFAULT_FIELDS);
    }

    /** Where the NIM master sees a repository image: the repository's mount there, or a refusal. */
    String nimImageLocation(Origin origin, String nimMaster, String imagePath) {
        Inventory.ImageRepository repo = inventory.current().imageRepository();
        if (repo == null || !imagePath.startsWith(repo.mountPoint() + "/")) {
            throw new ProvisioningRefusal("IMAGE_NOT_ON_NIM_MASTER", "image " + imagePath
                    + " is not in the image repository of the inventory");
        }
        return aix.on(nimMaster, origin).nfsMounts().stream()
                .filter(m -> m.node().equals(repo.server()) && m.remote().equals(repo.export()))
                .map(m -> m.mountPoint() + imagePath.substring(repo.mountPoint().length())).findFirst()
                .orElseThrow(() -> new ProvisioningRefusal("IMAGE_NOT_ON_NIM_MASTER", "NIM master " + nimMaster
                        + " does not mount " + repo.server() + ":" + repo.export()));
    }

}
