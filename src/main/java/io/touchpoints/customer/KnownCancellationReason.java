package io.touchpoints.customer;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/** A reason code of {@link CancellationReasons}; the message names the known ones. */
@Target(ElementType.TYPE_USE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = KnownCancellationReason.Validator.class)
@interface KnownCancellationReason {

	String message() default "is not a known reason";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	/** Checks against the list as CX ops keep it now; a malformed code is reported by its pattern alone. */
	class Validator implements ConstraintValidator<KnownCancellationReason, String> {

		private final CancellationReasons reasons;

		Validator(CancellationReasons reasons) {
			this.reasons = reasons;
		}

		@Override
		public boolean isValid(String code, ConstraintValidatorContext context) {
			if (code == null || !CancellationReasons.CODE.matcher(code).matches() || reasons.isKnown(code)) {
				return true;
			}
			context.disableDefaultConstraintViolation();
			context.buildConstraintViolationWithTemplate("is not a known reason; known reasons are "
					+ String.join(", ", reasons.codes()).replace("{", "\\{").replace("$", "\\$"))
				.addConstraintViolation();
			return false;
		}

	}

}
