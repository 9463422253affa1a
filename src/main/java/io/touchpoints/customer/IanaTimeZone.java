package io.touchpoints.customer;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.ZoneId;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/** An IANA time-zone id such as {@code Europe/Madrid}; raw offsets are refused because they ignore daylight saving. */
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT })
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = IanaTimeZone.Validator.class)
@interface IanaTimeZone {

	String message() default "must be an IANA time zone such as Europe/Madrid";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	/** Accepts region ids known to the JVM's time-zone database. */
	class Validator implements ConstraintValidator<IanaTimeZone, String> {

		@Override
		public boolean isValid(String value, ConstraintValidatorContext context) {
			return value == null || (value.contains("/") && ZoneId.getAvailableZoneIds().contains(value)) || "UTC".equals(value);
		}

	}

}
