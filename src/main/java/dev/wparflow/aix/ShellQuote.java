package dev.wparflow.aix;

/**
 * POSIX-shell quoting, the only one in the code base (ksh88, ksh93 and the HMC's restricted bash all honour
 * it). A word made only of {@code [A-Za-z0-9_@%+=:,./-]} is left bare; anything else is put in single quotes,
 * with an embedded single quote written as {@code '\''}. Inside single quotes the shell interprets nothing,
 * so no metacharacter of the word can reach the command line unquoted.
 */
public final class ShellQuote {

    private ShellQuote() {
    }

    /** True when every character is in {@code [A-Za-z0-9_@%+=:,./-]} and the word is not empty. */
    public static boolean isBareSafe(String word) {
        if (word.isEmpty()) {
            return false;
        }
        for (int i = 0; i < word.length(); i++) {
            if (!isSafeChar(word.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    static boolean isSafeChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || "_@%+=:,./-".indexOf(c) >= 0;
    }

    /** Quotes one word for a POSIX shell. NUL cannot be passed through a shell and is refused. */
    public static String quote(String word) {
        if (word.indexOf('\0') >= 0) {
            throw new InvalidArgumentException("word", word, "must not contain NUL");
        }
        if (isBareSafe(word)) {
            return word;
        }
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
