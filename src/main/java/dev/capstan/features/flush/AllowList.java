package dev.capstan.features.flush;

/** The people of the allow-list as they are now: a file read again when it changes, or a list fetched over HTTPS. */
interface AllowList {
    boolean contains(String userId);
}
