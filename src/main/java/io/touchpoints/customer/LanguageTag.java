package io.touchpoints.customer;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/** A BCP 47 language tag such as {@code es} or {@code fr-CA}; unsupported languages fall back to English. */
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT })
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = LanguageTag.Validator.class)
@interface LanguageTag {

	String message() default "must be a language tag such as en, es or fr";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	/** Checks the tag's shape; whether a template exists in that language is decided when sending. */
	class Validator implements ConstraintValidator<LanguageTag, String> {

		@Override
		public boolean isValid(String value, ConstraintValidatorContext context) {
			return value == null || SupportedLocales.isWellFormed(value);
		}

	}

}
