package dev.wparflow.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class ImageDataEditorTest {

    static final String IMAGE_DATA = """
            image_data:
            \tIMAGE_TYPE= wpar
            \tWPAR_NAME= wpr00

            lv_data:
            \tVOLUME_GROUP= rootvg
            \tLV_SOURCE_DISK_LIST= hdisk0
            \tLOGICAL_VOLUME= fslv00
            \tMOUNT_POINT= /wpars/rootvg-data
            \tLABEL= /rootvg

            fs_data:
            \tFS_NAME= /
            \tFS_LV= /dev/fslv00

            lv_data:
            \tVOLUME_GROUP= rootvg
            \tLV_SOURCE_DISK_LIST= hdisk0
            \tLOGICAL_VOLUME= fslv01
            """;

    @Test
    void movesEveryLogicalVolumeToTheTargetGroupAndDisks() {
        ImageDataEditor.Edited e = ImageDataEditor.toVolumeGroup(IMAGE_DATA, "datavg", List.of("hdisk1"));
        assertThat(e.logicalVolumes()).isEqualTo(2);
        assertThat(e.sourceVolumeGroups()).containsExactly("rootvg");
        assertThat(e.text()).contains("\tVOLUME_GROUP= datavg\n\tLV_SOURCE_DISK_LIST= hdisk1\n\tLOGICAL_VOLUME= fslv00")
                .doesNotContain("VOLUME_GROUP= rootvg").doesNotContain("hdisk0")
                // only the attributes, unlike the book's :1,$s/rootvg/datavg/g
                .contains("MOUNT_POINT= /wpars/rootvg-data").contains("LABEL= /rootvg");
        assertThat(e.text().lines().count()).isEqualTo(IMAGE_DATA.lines().count());
    }

    @Test
    void keepsTheDisksWhenNoneAreGiven() {
        assertThat(ImageDataEditor.toVolumeGroup(IMAGE_DATA, "datavg", null).text()).contains("LV_SOURCE_DISK_LIST= hdisk0");
    }

    @Test
    void refusesWhatIsNotAnImageData() {
        assertThatThrownBy(() -> ImageDataEditor.toVolumeGroup("hello\n", "datavg", null))
                .hasMessageContaining("no lv_data");
        assertThatThrownBy(() -> ImageDataEditor.toVolumeGroup(IMAGE_DATA, "data vg;rm", null))
                .hasMessageContaining("invalid volume group");
    }
}
