package dev.capstan.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Set;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.ResourceLocksProvider;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Runs every test of the annotated class (and of its subclasses) once per {@link TestDatabases.Kind}, named "on H2" and
 * "on POSTGRES". The class takes the kind in a {@code @Parameter TestDatabases.Kind} field and starts its app in a
 * {@code @BeforeParameterizedClassInvocation} method: a {@code @BeforeAll} method would run once for all kinds.
 *
 * <p>Such a class runs beside other classes like any other. JUnit gives a parameterized class the default mode of
 * methods (one after another on one thread), not of classes, so without {@code @Execution} these classes would all
 * queue on one thread. A lock of the class's own makes its runs (H2, then PostgreSQL) and their tests go one after
 * another on one thread, as the class's static app and conversation need.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@ParameterizedClass(name = "on {0}")
@EnumSource(TestDatabases.Kind.class)
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock(providers = OnEveryDatabase.OwnLock.class)
public @interface OnEveryDatabase {
    /** A lock no other class takes: it only keeps the class's own runs and tests on one thread, in order. */
    final class OwnLock implements ResourceLocksProvider {
        @Override
        public Set<Lock> provideForClass(Class<?> testClass) {
            return Set.of(new Lock("test class " + testClass.getName()));
        }
    }
}
