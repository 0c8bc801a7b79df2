package dev.capstan.command;

/** The platform's view of people: only their role matters here; families keep their own profile data. */
public interface People {
    /** The caller's role; someone never seen before is a member. */
    Role roleOf(String userId);
}
