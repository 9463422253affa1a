package io.touchpoints.customer;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;

/** An annual value in the company's billing currency: not negative, cents at most. */
@DecimalMin("0")
@Digits(integer = 13, fraction = 2, message = "must have at most 13 digits before the decimal point and 2 after it")
@Target({ ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER })
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = {})
@interface MoneyPerYear {

	String message() default "must be an amount of money per year";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

}
