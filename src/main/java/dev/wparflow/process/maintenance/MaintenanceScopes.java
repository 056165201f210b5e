package dev.wparflow.process.maintenance;

import org.springframework.stereotype.Component;

import dev.wparflow.inventory.InventoryRepository;

/** What the start of a maintenance can know without asking a host: the managed systems of the inventory. */
public interface MaintenanceScopes {

    boolean managedSystemKnown(String name);

    @Component
    class FromInventory implements MaintenanceScopes {

        private final InventoryRepository inventory;

        public FromInventory(InventoryRepository inventory) {
            this.inventory = inventory;
        }

        @Override
        public boolean managedSystemKnown(String name) {
            return inventory.systems().stream().anyMatch(s -> s.name().equals(name))
                    || inventory.lpars().stream().anyMatch(p -> name.equals(p.managedSystem()));
        }
    }
}
