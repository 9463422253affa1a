package io.touchpoints.system;

import java.util.Date;

import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.jobexecutor.FailedJobCommandFactory;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;

/**
 * Handles job failures: a {@link JobDeferredException} reschedules the job for later, anything else goes to the
 * engine's retry strategy (the back-off cycle, then an incident).
 */
class JobDeferral implements FailedJobCommandFactory {

	private final FailedJobCommandFactory retries;

	JobDeferral(FailedJobCommandFactory retries) {
		this.retries = retries;
	}

	@Override
	public Command<Object> getCommand(String jobId, Throwable failure) {
		JobDeferredException deferral = deferralIn(failure);
		if (deferral == null) {
			return retries.getCommand(jobId, failure);
		}
		return commandContext -> {
			JobEntity job = commandContext.getJobManager().findJobById(jobId);
			if (job != null) {
				// Leaves the exception fields alone: a deferral is not a failure, so the retry budget and the
				// engine's "first failure" detection stay as they were.
				job.unlock();
				job.setDuedate(Date.from(deferral.notBefore()));
			}
			return null;
		};
	}

	private static JobDeferredException deferralIn(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof JobDeferredException deferral) {
				return deferral;
			}
		}
		return null;
	}

}
