package dev.capstan.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Runs every test of the annotated class (and of its subclasses) once per {@link TestDatabases.Kind}, named "on H2" and
 * "on POSTGRES". The class takes the kind in a {@code @Parameter TestDatabases.Kind} field and starts its app in a
 * {@code @BeforeParameterizedClassInvocation} method: a {@code @BeforeAll} method would run once for all kinds.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@ParameterizedClass(name = "on {0}")
@EnumSource(TestDatabases.Kind.class)
public @interface OnEveryDatabase {
}
