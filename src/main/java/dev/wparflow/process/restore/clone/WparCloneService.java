package dev.wparflow.process.restore.clone;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import dev.wparflow.aix.AbsolutePath;
import dev.wparflow.aix.AixGateway;
import dev.wparflow.aix.HostName;
import dev.wparflow.aix.IpAddress;
import dev.wparflow.aix.Lvm;
import dev.wparflow.aix.MkwparOptions;
import dev.wparflow.aix.NetworkSpec;
import dev.wparflow.aix.Origin;
import dev.wparflow.aix.VolumeGroupName;
import dev.wparflow.aix.WparBackup.RestwparRequest;
import dev.wparflow.aix.WparName;
import dev.wparflow.aix.WparState;
import dev.wparflow.catalog.CatalogImage;
import dev.wparflow.catalog.ImageDataEditor;
import dev.wparflow.process.backup.BackupRefusal;
import dev.wparflow.process.restore.RestwparService;
import dev.wparflow.process.restore.RestwparService.Identity;

/**
 * The steps of WparCloneProcess that only a clone takes (Redbook 4.4.5: a new name, its address, another directory,
 * restwpar with the extra flags, RB:3878-3935): the plan, image.data edited for another volume group, restwpar under
 * the new identity, and removing what a failed clone left. The run and its checks are {@link RestwparService}'s.
 * Refusals add IMAGE_NOT_GOLDEN and VOLUME_GROUP_NOT_FOUND to its codes.
 */
@Service
public class WparCloneService {

    private static final Logger log = LoggerFactory.getLogger(WparCloneService.class);

    /** A clone decided: the image, the new identity, whether image.data must be edited for another volume group. */
    public record ClonePlan(CatalogImage image, Identity identity, boolean editImageData) {
    }

    private final AixGateway aix;
    private final RestwparService restwpar;

    public WparCloneService(AixGateway aix, RestwparService restwpar) {
        this.aix = aix;
        this.restwpar = restwpar;
    }

    /**
     * The image (golden unless {@code allowNonGolden}, on the host, checksum), the new name, hostname and address free
     * on the host, and the volume group there; whether image.data must be edited for it.
     */
    public ClonePlan planClone(Origin origin, String host, String imageId, WparName name, String hostname,
            String address, String volumeGroup, boolean allowNonGolden) {
        if (hostname != null) {
            HostName.of(hostname);
        }
        if (address != null) {
            IpAddress.of(address);
        }
        CatalogImage img = restwpar.image(imageId);
        if (!img.golden() && !allowNonGolden) {
            throw new BackupRefusal("IMAGE_NOT_GOLDEN", "image " + img.id() + " (" + img.lpar() + "/" + img.wpar() + ", "
                    + img.createdAt() + ") is not golden: mark it golden (PUT /api/images/" + img.id()
                    + "/golden) or ask with allowNonGolden=true");
        }
        restwpar.checkImage(origin, host, img);
        Identity id = new Identity(name, hostname != null ? hostname : name.value(), address);
        restwpar.checkFree(origin, host, id, null);
        boolean edit = false;
        if (volumeGroup != null) {
            checkVolumeGroup(origin, host, VolumeGroupName.of(volumeGroup));
            edit = !edit(img, volumeGroup, null).sourceVolumeGroups().equals(Set.of(volumeGroup));
        }
        return new ClonePlan(img, id, edit);
    }

    private void checkVolumeGroup(Origin origin, String host, VolumeGroupName vg) {
        List<String> vgs = aix.on(host, origin).read(Lvm.listVolumeGroups(), Lvm::parseVolumeGroupNames);
        if (!vgs.contains(vg.value())) {
            throw new BackupRefusal("VOLUME_GROUP_NOT_FOUND", "no volume group " + vg + " on " + host + " (has " + vgs + ")");
        }
    }

    /**
     * Writes the edited image.data (rootvg → target VG, disks) to {@code /tmp/wpardata/NAME/image.data.VG} on the
     * host with {@code tee} and the text on stdin. Returns the file's path.
     */
    public String writeEditedImageData(Origin origin, String host, String imageId, WparName newName, String vg,
            List<String> disks) {
        ImageDataEditor.Edited edited = edit(restwpar.image(imageId), vg, disks);
        String path = "/tmp/wpardata/" + newName + "/image.data." + vg;
        aix.on(host, origin).writeFile(AbsolutePath.of(path), edited.text());
        log.info("image.data for {} on {}: {} logical volume(s) {} -> {}", newName, host, edited.logicalVolumes(),
                edited.sourceVolumeGroups(), vg);
        return path;
    }

    private static ImageDataEditor.Edited edit(CatalogImage img, String vg, List<String> disks) {
        try {
            return ImageDataEditor.toVolumeGroup(img.imageDataText(), vg, disks);
        } catch (IllegalArgumentException e) {
            throw new BackupRefusal("IMAGE_CORRUPT", "image.data of image " + img.id() + ": " + e.getMessage());
        }
    }

    /**
     * {@code restwpar -n NAME -h HOSTNAME -d DIRECTORY [-i IMAGE.DATA] [-M '-N address=ADDRESS'] -U -f IMAGE} as a
     * detached run (RB:3889, RB:3975).
     */
    public String startClone(Origin origin, String host, String imageId, WparName name, String hostname,
            String address, String baseDirectory, String imageDataFile) {
        MkwparOptions mk = address == null ? null
                : MkwparOptions.builder().flag("-N", NetworkSpec.address(IpAddress.of(address)).attributes()).build();
        return restwpar.startRestwpar(origin, host, new RestwparRequest(AbsolutePath.of(restwpar.image(imageId).path()),
                name, hostname == null ? null : HostName.of(hostname),
                baseDirectory == null ? null : AbsolutePath.of(baseDirectory),
                imageDataFile == null ? null : AbsolutePath.of(imageDataFile), mk, true));
    }

    /** A failed clone leaves nothing half-made: removes the new WPAR restwpar created ({@code rmwpar -F}), if any. */
    public String removePartialClone(Origin origin, String host, WparName name, String directory) {
        try {
            Optional<WparState> partial = restwpar.removeWhatRestwparLeft(origin, host, name, directory);
            if (partial.isEmpty()) {
                return "restwpar left no WPAR " + host + "/" + name;
            }
            log.info("failed clone {}/{} ({}) removed", host, name, partial.get());
            return "what restwpar left of " + host + "/" + name + " (" + partial.get() + ") was removed";
        } catch (RuntimeException e) {
            throw new IllegalStateException("removing the failed clone " + host + "/" + name + ": " + e.getMessage(), e);
        }
    }
}
