package dev.wparflow.simulator.command;

/** Sizes as mkwpar/crfs accept them: 512-byte blocks, or with an M or G suffix. */
public final class SizeParser {
    private SizeParser() {
    }

    public static long blocks(String s) {
        return MkwparCommand.parseSize(s);
    }
}
