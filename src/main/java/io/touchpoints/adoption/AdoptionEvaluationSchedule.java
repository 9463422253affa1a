package io.touchpoints.adoption;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

import io.touchpoints.system.FixedDelaySchedule;

/** Runs the daily adoption evaluation: every node checks, one evaluates each day. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class AdoptionEvaluationSchedule extends FixedDelaySchedule {

	AdoptionEvaluationSchedule(AdoptionEvaluation evaluation, AdoptionSettings settings) {
		super(evaluation::evaluateTodayOnce, settings.evaluationCheckInterval());
	}

}
