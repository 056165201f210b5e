package dev.wparflow.process.restore.wpar;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import dev.wparflow.aix.AbsolutePath;
import dev.wparflow.aix.AixGateway;
import dev.wparflow.aix.AixHost;
import dev.wparflow.aix.Origin;
import dev.wparflow.aix.WparBackup.RestwparRequest;
import dev.wparflow.aix.WparInfo;
import dev.wparflow.aix.WparLifecycle.Stop;
import dev.wparflow.aix.WparName;
import dev.wparflow.aix.WparState;
import dev.wparflow.catalog.CatalogImage;
import dev.wparflow.process.backup.BackupRefusal;
import dev.wparflow.process.restore.RestwparService;
import dev.wparflow.process.restore.RestwparService.Identity;

/**
 * The steps of WparRestoreProcess that only a restore takes (Redbook 4.4.4, Example 4-20: rmwpar, restwpar -f,
 * startwpar, verify): the plan, setting the existing WPAR aside, restwpar of the image as saved, and the rollback of a
 * failed restore (remove what restwpar left, rename the original back, restart it). The run and its checks are
 * {@link RestwparService}'s. Refusals add INVALID_REQUEST and DIRECTORY_TAKEN to its codes; the rollback steps throw no
 * refusal: they retry and end as incidents that say where the original is.
 */
@Service
public class WparRestoreService {

    private static final Logger log = LoggerFactory.getLogger(WparRestoreService.class);

    /** What to do with a WPAR of the same name that exists on the host. */
    public enum Existing { REFUSE, REMOVE, RENAME;

        public static Existing of(String s) {
            try {
                return valueOf(s == null || s.isBlank() ? "REFUSE" : s.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new BackupRefusal("INVALID_REQUEST", "existing must be refuse, remove or rename: " + s);
            }
        }
    }

    /** A restore decided before approval; checked again after the lock. */
    public record RestorePlan(CatalogImage image, Identity identity, String directory, WparInfo existing,
            Existing mode, WparName renameTo) {

        public String describe(String host, boolean start) {
            StringBuilder b = new StringBuilder();
            b.append("Image ").append(image.id()).append(": ").append(image.path()).append(" (").append(image.createdAt())
                    .append(", ").append(image.checksum()).append(")\n");
            if (existing == null) {
                b.append(host).append('/').append(identity.name()).append(" does not exist\n");
            } else {
                b.append(host).append('/').append(identity.name()).append(" is ").append(existing.state()).append(": ")
                        .append(mode == Existing.REMOVE ? "stopwpar -F, rmwpar" : "stopwpar -F, chwpar -n " + renameTo)
                        .append('\n');
            }
            b.append("restwpar -f ").append(image.path()).append(start ? ", then startwpar" : "").append('\n');
            b.append("hostname ").append(identity.hostname()).append(", address ").append(identity.address())
                    .append(", directory ").append(directory);
            return b.toString();
        }
    }

    /** What a failed restore does once what restwpar left is gone. */
    public enum Rollback {
        /** the original was renamed aside: rename it back (and restart it if it was Active) */
        RENAME_BACK,
        /** the original was removed (or there was none): the WPAR is absent, the outcome says which image to use */
        ABSENT
    }

    /** The next rollback step and a sentence for the outcome. */
    public record PartialRemoval(Rollback next, String note) {
    }

    private final AixGateway aix;
    private final RestwparService restwpar;

    public WparRestoreService(AixGateway aix, RestwparService restwpar) {
        this.aix = aix;
        this.restwpar = restwpar;
    }

    // -------------------------------------------------------------------------------------------- plan

    /**
     * Everything a restore checks before it may change anything: the image (catalog, on the host, checksum), the
     * image is of this WPAR, what to do with a WPAR of that name, and that no other WPAR has its hostname, address or
     * directory.
     */
    public RestorePlan planRestore(Origin origin, String host, WparName wpar, String imageId, String sourceLpar,
            Existing mode, WparName renameTo) {
        CatalogImage img = restwpar.chooseImage(imageId, sourceLpar != null ? sourceLpar : host, wpar.value());
        restwpar.checkImage(origin, host, img);
        Spec spec = Spec.of(img.specText());
        if (spec.name() != null && !spec.name().equals(wpar.value())) {
            throw new BackupRefusal("INVALID_REQUEST", "image " + img.id() + " is of WPAR " + spec.name() + ", not " + wpar
                    + " (WparCloneProcess restores under another name)");
        }
        Identity id = new Identity(wpar, spec.hostname(), spec.address());
        WparInfo existing = restwpar.look(origin, host, wpar).orElse(null);
        if (existing != null && mode == Existing.REFUSE) {
            throw new BackupRefusal("NAME_TAKEN", "WPAR " + wpar + " exists on " + host + " (" + existing.state()
                    + "); ask for existing=remove or existing=rename");
        }
        WparName replacing = null;
        if (existing != null && mode == Existing.RENAME) {
            if (renameTo == null) {
                throw new BackupRefusal("INVALID_REQUEST", "existing=rename needs renameTo");
            }
            if (restwpar.look(origin, host, renameTo).isPresent()) {
                throw new BackupRefusal("NAME_TAKEN", "a WPAR named " + renameTo + " exists on " + host);
            }
            // the renamed WPAR keeps its hostname and address: they must differ from the image's
        } else if (existing != null) {
            replacing = wpar;
        }
        if (existing == null || mode == Existing.REMOVE) {
            restwpar.checkFree(origin, host, id, replacing);
        } else {
            restwpar.checkFree(origin, host, new Identity(null, id.hostname(), id.address()), null);
        }
        // restwpar creates the WPAR in the spec's directory; a renamed WPAR keeps its own (Example 4-12), so a restore
        // beside it in the same directory would fail after the set-aside (mkwpar 0960-318)
        String directory = specDirectory(img.specText(), wpar.value());
        for (WparInfo w : restwpar.wpars(origin, host)) {
            if ((replacing == null || !w.name().equals(replacing.value())) && directory.equals(w.directory())) {
                throw new BackupRefusal("DIRECTORY_TAKEN", "directory " + directory + " of image " + img.id()
                        + " is used by WPAR " + w.name() + " on " + host
                        + (mode == Existing.RENAME ? " (a renamed WPAR keeps its directory: use existing=remove)" : ""));
            }
        }
        return new RestorePlan(img, id, directory, existing, mode, renameTo);
    }

    /** The name, hostname and address in the image's spec (general: name/hostname, network: address). */
    private record Spec(String name, String hostname, String address) {

        static Spec of(String spec) {
            String name = last(specValues(spec, "general", "name"));
            String hostname = last(specValues(spec, "general", "hostname"));
            String address = specValues(spec, "network", "address").stream().filter(v -> !v.isEmpty()).findFirst()
                    .orElse(null);
            return new Spec(name, hostname == null || hostname.isEmpty() ? name : hostname, address);
        }

        private static String last(List<String> values) {
            return values.isEmpty() ? null : values.get(values.size() - 1);
        }
    }

    /**
     * The WPAR's base directory in the image's spec ({@code directory} of the general stanza; mount stanzas have
     * their own), default {@code /wpars/NAME} as mkwpar's.
     */
    public static String specDirectory(String spec, String name) {
        return specValues(spec, "general", "directory").stream().filter(v -> !v.isEmpty()).findFirst()
                .orElse("/wpars/" + name);
    }

    /** The values of {@code key} in the {@code stanza} stanzas of a wpar.spec text, in order, without quotes. */
    private static List<String> specValues(String spec, String stanza, String key) {
        List<String> values = new ArrayList<>();
        String current = null;
        for (String line : spec == null ? List.<String>of() : spec.lines().toList()) {
            int eq = line.indexOf('=');
            if (line.matches("^\\S[^=]*:\\s*$")) {
                current = line.strip().replace(":", "");
            } else if (stanza.equals(current) && eq > 0 && line.substring(0, eq).strip().equals(key)) {
                values.add(line.substring(eq + 1).strip().replaceAll("^\"|\"$", ""));
            }
        }
        return values;
    }

    // ----------------------------------------------------------------------------------------- restore

    /** Stops (force) and removes or renames the existing WPAR; nothing to do when it is gone (a retry). */
    public void setAsideExisting(Origin origin, String host, WparName wpar, Existing mode, WparName renameTo) {
        if (mode == Existing.REFUSE) {
            return;
        }
        Optional<WparInfo> w = restwpar.look(origin, host, wpar);
        if (w.isEmpty()) {
            return;
        }
        AixHost on = aix.on(host, origin);
        if (w.get().state() != WparState.DEFINED) {
            on.stop(wpar, Stop.FORCE);
        }
        if (mode == Existing.REMOVE) {
            on.remove(wpar);
            log.info("removed {}/{} before its restore", host, wpar);
        } else {
            on.rename(wpar, renameTo);
            log.info("renamed {}/{} to {} before its restore", host, wpar, renameTo);
        }
    }

    /** {@code restwpar -f IMAGE} as a detached run: the WPAR exactly as the image's spec describes it. */
    public String startRestore(Origin origin, String host, String imageId) {
        return restwpar.startRestwpar(origin, host,
                RestwparRequest.asSaved(AbsolutePath.of(restwpar.image(imageId).path())));
    }

    // ---------------------------------------------------------------------------------------- rollback

    /**
     * After a restore failed past the set-aside (restwpar failed or timed out, start or verify failed): removes what
     * restwpar left under the WPAR's name. With {@code existing=rename} the renamed original must still be there, else
     * the WPAR of that name might be the original renamed back by hand and is not touched (incident). Never throws a
     * business error: a failure here is an incident whose message says where the original is.
     */
    public PartialRemoval removePartialRestore(Origin origin, String host, WparName wpar, Existing mode,
            WparName renameTo, String existingState, String directory, String imageId, String imagePath) {
        boolean renamedAside = mode == Existing.RENAME && existingState != null && renameTo != null;
        String whereOriginal = renamedAside ? "the original is " + host + "/" + renameTo + " (renamed, Defined)"
                : absent(host, wpar, mode, existingState, imageId, imagePath);
        try {
            if (renamedAside && restwpar.look(origin, host, renameTo).isEmpty()) {
                throw new IllegalStateException("the renamed original " + host + "/" + renameTo + " is not there; "
                        + host + "/" + wpar + " is left as it is (it may be the original renamed back by hand)");
            }
            Optional<WparState> partial = restwpar.removeWhatRestwparLeft(origin, host, wpar, directory);
            partial.ifPresent(s -> log.info("rollback of the restore of {}/{}: partial WPAR ({}) removed", host, wpar, s));
            String removed = partial.map(s -> "what restwpar left of " + host + "/" + wpar + " (" + s + ") was removed")
                    .orElse("restwpar left no WPAR " + host + "/" + wpar);
            return renamedAside ? new PartialRemoval(Rollback.RENAME_BACK, removed)
                    : new PartialRemoval(Rollback.ABSENT, removed + "; " + whereOriginal);
        } catch (RuntimeException e) {
            throw new IllegalStateException("rolling back the restore of " + host + "/" + wpar + ": " + e.getMessage()
                    + "; " + whereOriginal, e);
        }
    }

    /** Renames the original back ({@code chwpar -n WPAR RENAMED}); done already (a retry): nothing. */
    public String renameBack(Origin origin, String host, WparName wpar, WparName renameTo) {
        try {
            boolean original = restwpar.look(origin, host, renameTo).isPresent();
            boolean named = restwpar.look(origin, host, wpar).isPresent();
            if (original && !named) {
                aix.on(host, origin).rename(renameTo, wpar);
                log.info("rollback of the restore of {}/{}: {} renamed back", host, wpar, renameTo);
                return "the original " + host + "/" + renameTo + " was renamed back to " + wpar;
            }
            if (!original && named) {
                return "the original is back as " + host + "/" + wpar;
            }
            throw new IllegalStateException(original ? host + "/" + wpar + " exists beside the renamed original "
                    + renameTo : "neither " + host + "/" + renameTo + " nor " + host + "/" + wpar + " exists");
        } catch (RuntimeException e) {
            throw new IllegalStateException("rolling back the restore of " + host + "/" + wpar + ": renaming "
                    + renameTo + " back: " + e.getMessage(), e);
        }
    }

    /** Starts the original again after it was renamed back (it was Active before the restore). */
    public String restartOriginal(Origin origin, String host, WparName wpar) {
        try {
            WparInfo w = restwpar.look(origin, host, wpar).orElseThrow(() -> new IllegalStateException(host + "/"
                    + wpar + " is not there"));
            if (w.state() != WparState.ACTIVE) {
                aix.on(host, origin).start(wpar);
            }
            return "and restarted (Active, as before the restore)";
        } catch (RuntimeException e) {
            throw new IllegalStateException("rolling back the restore of " + host + "/" + wpar
                    + ": the original is back under its name but did not start again: " + e.getMessage(), e);
        }
    }

    private static String absent(String host, WparName wpar, Existing mode, String existingState, String imageId,
            String imagePath) {
        String why = existingState == null ? "as it was before the restore"
                : "it was removed before the restore (existing=" + mode.name().toLowerCase(Locale.ROOT) + ")";
        return host + "/" + wpar + " is ABSENT, " + why + ": restore it from image " + imageId + " (" + imagePath
                + ") once the cause is fixed, or pick another image of it in GET /api/images?lpar=" + host + "&wpar="
                + wpar;
    }
}
