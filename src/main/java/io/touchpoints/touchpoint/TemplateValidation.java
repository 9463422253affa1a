package io.touchpoints.touchpoint;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/** Refuses to start with a mail template that would fail when its email is due. */
@Component
class TemplateValidation implements InitializingBean {

	private static final Logger log = LoggerFactory.getLogger(TemplateValidation.class);

	private final MailTemplates templates;

	TemplateValidation(MailTemplates templates) {
		this.templates = templates;
	}

	@Override
	public void afterPropertiesSet() {
		List<String> problems = templates.problems();
		if (!problems.isEmpty()) {
			throw new IllegalStateException("Invalid mail templates:\n  " + String.join("\n  ", problems));
		}
		log.info("Mail templates valid: {}", templates.ids());
	}

}
