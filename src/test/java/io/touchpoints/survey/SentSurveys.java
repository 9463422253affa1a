package io.touchpoints.survey;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.internet.MimeMessage;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;

import io.touchpoints.support.Customers;
import io.touchpoints.support.Jobs;
import io.touchpoints.support.ReceivedMail;

/** Starts the survey model for a customer as the lifecycle's call does, and runs its jobs as far as they go. */
final class SentSurveys {

	private SentSurveys() {
	}

	static ProcessInstance start(RuntimeService runtimeService, Jobs jobs, String ref, String kind) {
		ProcessInstance survey = runtimeService.startProcessInstanceByKey(SurveyProcess.DISPATCH, ref,
				Map.of("customerRef", ref, SurveyProcess.KIND, kind));
		jobs.executeAll(survey.getId());
		return survey;
	}

	/** The survey emails (those with one-click links) a customer received, oldest first. */
	static List<MimeMessage> surveyEmails(GreenMailExtension smtp, String ref) {
		List<MimeMessage> found = new ArrayList<>();
		for (MimeMessage email : smtp.getReceivedMessagesForDomain(Customers.email(ref))) {
			try {
				if (ReceivedMail.part(email, "text/plain").contains("/surveys/")) {
					found.add(email);
				}
			}
			catch (Exception e) {
				throw new AssertionError(e);
			}
		}
		return found;
	}

	/** The one email of the list; fails when there are none or several. */
	static MimeMessage single(List<MimeMessage> emails) {
		assertThat(emails).hasSize(1);
		return emails.get(0);
	}

	/** The invitation a survey sent; fails when its email did not go out. */
	static String invitationOf(RuntimeService runtimeService, ProcessInstance survey) {
		String invitation = (String) runtimeService.getVariable(survey.getId(), SurveyProcess.INVITATION);
		assertThat(invitation).as("the survey was sent").isNotNull();
		return invitation;
	}

}
