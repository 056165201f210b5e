package dev.wparflow.inventory;

/** The inventory file (or the inline wparflow.inventory.* properties) cannot be used; the message says where and why. */
public class InventoryException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public InventoryException(String message) {
        super(message);
    }

    public InventoryException(String message, Throwable cause) {
        super(message, cause);
    }
}
