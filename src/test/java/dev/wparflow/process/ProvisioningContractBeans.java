package dev.wparflow.process;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.context.annotation.AnnotationConfigApplicationContext;

import dev.wparflow.catalog.CatalogImage;
import dev.wparflow.catalog.ImageCatalog;
import dev.wparflow.catalog.TemplateCatalog;
import dev.wparflow.catalog.WparTemplate;
import dev.wparflow.inventory.FleetInventory;
import dev.wparflow.inventory.Inventory;
import dev.wparflow.inventory.InventoryRepository;

/**
 * What the provisioning contract asks besides the inventory's hosts, for FormsTest: managed system sys570a, template
 * {@code small}, GOOD images by the imageId samples' good values, no WPAR in the inventory.
 */
final class ProvisioningContractBeans {

    static final Set<String> GOOD_IMAGES = Set.of("42", "img-2026.11.22_a", "a".repeat(64));

    private ProvisioningContractBeans() {
    }

    static void register(AnnotationConfigApplicationContext beans) {
        FleetInventory inventory = mock(FleetInventory.class);
        when(inventory.current()).thenReturn(new Inventory(List.of(new Inventory.ManagedSystem("sys570a",
                List.of("hmc01"))), List.of(), List.of(), List.of(), List.of(), null));
        TemplateCatalog templates = mock(TemplateCatalog.class);
        when(templates.find(anyString())).thenAnswer(a -> "small".equals(a.getArgument(0))
                ? Optional.of(new WparTemplate("small", "", "general:\n\tname = \"x\"\n", List.of(), "demo",
                        Instant.EPOCH, 1))
                : Optional.empty());
        ImageCatalog images = mock(ImageCatalog.class);
        when(images.find(anyString())).thenAnswer(a -> GOOD_IMAGES.contains(a.<String>getArgument(0))
                ? Optional.of(new CatalogImage(a.getArgument(0), "lpar00", "wpr00", Instant.EPOCH, "/images/x", null,
                        null, null, null, null, null, null, null, CatalogImage.State.GOOD, true, null, null, null,
                        null, null, null, null))
                : Optional.empty());
        InventoryRepository wpars = mock(InventoryRepository.class);
        when(wpars.findWpar(anyString())).thenReturn(List.of());
        when(wpars.wpars(any(), any())).thenReturn(List.of());
        when(wpars.runningCpuMinimums(anyString())).thenReturn(java.math.BigDecimal.ZERO);
        beans.registerBean(FleetInventory.class, () -> inventory);
        beans.registerBean(TemplateCatalog.class, () -> templates);
        beans.registerBean(ImageCatalog.class, () -> images);
        beans.registerBean(InventoryRepository.class, () -> wpars);
    }
}
