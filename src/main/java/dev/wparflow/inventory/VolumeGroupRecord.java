package dev.wparflow.inventory;

/** A volume group of an LPAR ({@code lsvg VG}). */
public record VolumeGroupRecord(String name, long ppSizeMb, long totalPps, long freePps) {

    public long freeMb() {
        return freePps * ppSizeMb;
    }
}
