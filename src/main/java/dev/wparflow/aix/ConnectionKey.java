package dev.wparflow.aix;

/** The key movewpar -s prints on the departing node (RB:4792-4794). Can only be constructed valid. */
public record ConnectionKey(String value) implements ShellArg {

    public ConnectionKey {
        Validators.connectionKey("connectionKey", value);
    }

    public static ConnectionKey of(String value) {
        return new ConnectionKey(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
