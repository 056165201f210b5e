package dev.wparflow.process.evacuation;

import org.springframework.stereotype.Component;

import dev.wparflow.inventory.InventoryRepository;

/**
 * What the start of an evacuation can know without asking a host: the managed systems of the inventory (the HMCs'
 * view) and the evacuations on record.
 */
public interface EvacuationScopes {

    boolean managedSystemKnown(String name);

    boolean evacuationRecorded(String id);

    @Component
    class FromInventory implements EvacuationScopes {

        private final InventoryRepository inventory;
        private final EvacuationRecords records;

        public FromInventory(InventoryRepository inventory, EvacuationRecords records) {
            this.inventory = inventory;
            this.records = records;
        }

        @Override
        public boolean managedSystemKnown(String name) {
            return inventory.systems().stream().anyMatch(s -> s.name().equals(name))
                    || inventory.lpars().stream().anyMatch(p -> name.equals(p.managedSystem()));
        }

        @Override
        public boolean evacuationRecorded(String id) {
            return records.find(id).filter(e -> e.returnsFrom() == null).isPresent();
        }
    }
}
