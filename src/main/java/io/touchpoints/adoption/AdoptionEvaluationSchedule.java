package io.touchpoints.adoption;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

import io.touchpoints.system.FixedDelaySchedule;

/**
 * Runs the daily adoption evaluation: every node checks, one evaluates each day; each check also creates the tasks of
 * signals a stopped node recorded but did not get to.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class AdoptionEvaluationSchedule extends FixedDelaySchedule {

	AdoptionEvaluationSchedule(AdoptionEvaluation evaluation, PendingSignalTasks tasks, AdoptionSettings settings) {
		super(() -> {
			try {
				evaluation.evaluateTodayOnce();
			}
			finally {
				tasks.createAll();
			}
		}, settings.evaluationCheckInterval());
	}

}
