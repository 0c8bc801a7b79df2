package dev.capstan.command;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** What the platform must know about a command besides its picocli syntax: who may run it and whether it leaves the process. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface CommandInfo {
    /** The least role that may run the command unless an access rule says otherwise. */
    Role role();

    /** True when the command calls out of the process and so must run as a durable job after an immediate ack. */
    boolean slow() default false;
}
