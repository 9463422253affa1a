package io.touchpoints.customer;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.constraints.Pattern;

import io.touchpoints.system.NoControlCharacters;

/**
 * An identifier another system gives us ({@link ExternalIds}), wherever it arrives: in a path, a parameter or a body.
 * A control character is named with its code point besides the shape.
 */
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT })
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = {})
@Pattern(regexp = ExternalIds.PATTERN, message = ExternalIds.MESSAGE)
@NoControlCharacters
public @interface ExternalId {

	String message() default ExternalIds.MESSAGE;

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

}
