package io.touchpoints.system;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import org.hibernate.validator.constraintvalidation.HibernateConstraintValidatorContext;

/**
 * A name, an identifier or a short text without {@link ControlCharacters}; the message names the character and
 * where it is. {@code lineBreaksAllowed} lets free text (a reason) keep its tabs and line breaks.
 */
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.ANNOTATION_TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = NoControlCharacters.Validator.class)
public @interface NoControlCharacters {

	String message() default "{problem}";

	boolean lineBreaksAllowed() default false;

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	/** Reports the first control character with its code point. */
	class Validator implements ConstraintValidator<NoControlCharacters, String> {

		private boolean lineBreaksAllowed;

		@Override
		public void initialize(NoControlCharacters annotation) {
			lineBreaksAllowed = annotation.lineBreaksAllowed();
		}

		@Override
		public boolean isValid(String value, ConstraintValidatorContext context) {
			String problem = ControlCharacters.problem(value, lineBreaksAllowed);
			if (problem == null) {
				return true;
			}
			context.unwrap(HibernateConstraintValidatorContext.class).addMessageParameter("problem", problem);
			return false;
		}

	}

}
