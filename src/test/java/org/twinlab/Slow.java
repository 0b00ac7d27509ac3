package org.twinlab;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * A test class that trains, runs a subprocess or opens a window, seconds to minutes each: {@code mvn verify}
 * runs it, {@code mvn verify -Pfast} (the fast tests, under a minute) leaves it out.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@Tag("slow")
public @interface Slow {
}
