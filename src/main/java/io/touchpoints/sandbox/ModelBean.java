package io.touchpoints.sandbox;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a delegate or listener bean that process models may name in expressions ({@code ${sendEmailDelegate}}).
 * No other bean is reachable from a model. Each one has an element template in
 * {@code processes/.camunda/element-templates} and a row in {@code processes/README.md}; a test checks both.
 */
@Documented
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface ModelBean {
}
