package io.touchpoints.customer;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/** A purchase renews after it starts; reported on {@code renewalDate}. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = RenewalAfterStart.Validator.class)
@interface RenewalAfterStart {

	String message() default "must be after startDate";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	/** Compares the two dates when both are present; missing dates are reported by their own constraints. */
	class Validator implements ConstraintValidator<RenewalAfterStart, PurchaseRequest> {

		@Override
		public boolean isValid(PurchaseRequest purchase, ConstraintValidatorContext context) {
			if (purchase == null || purchase.startDate() == null || purchase.renewalDate() == null
					|| purchase.renewalDate().isAfter(purchase.startDate())) {
				return true;
			}
			context.disableDefaultConstraintViolation();
			context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
				.addPropertyNode("renewalDate")
				.addConstraintViolation();
			return false;
		}

	}

}
