package dev.wparflow.aix;

/**
 * A value that has been validated and may be placed as one word on a remote command line. Only value
 * objects of this package implement it; their constructors validate, so an instance is always safe to
 * hand to {@link AixCommand} (which still quotes it).
 */
public interface ShellArg {

    /** The word exactly as the remote program should receive it in its argv. */
    String value();
}
