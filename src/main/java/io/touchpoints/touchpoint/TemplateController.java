package io.touchpoints.touchpoint;

import java.util.List;
import java.util.Set;

import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.touchpoints.customer.ExternalId;
import io.touchpoints.system.AllowedGroups;
import io.touchpoints.system.Groups;
import io.touchpoints.system.NoControlCharacters;
import io.touchpoints.system.NotFoundException;

/** Mail templates for CX operations: what exists, and how one reads for a real customer. */
@RestController
@RequestMapping("/api/templates")
@AllowedGroups(Groups.CX_OPS)
class TemplateController {

	private final MailTemplates templates;

	private final CustomerEmails customerEmails;

	TemplateController(MailTemplates templates, CustomerEmails customerEmails) {
		this.templates = templates;
		this.customerEmails = customerEmails;
	}

	/** A template as listed: its category, languages and the variables it uses. */
	record TemplateSummary(String id, EmailCategory category, List<String> languages, Set<String> variables) {
	}

	/** A rendered template. */
	record Preview(String templateId, String language, EmailCategory category, String subject, String html,
			String text) {
	}

	@GetMapping
	List<TemplateSummary> list() {
		return templates.ids().stream().map(id -> {
			MailTemplate english = templates.find(id, null);
			return new TemplateSummary(id, english.category(), templates.languages(id), english.variables());
		}).toList();
	}

	@GetMapping("/{id}/preview")
	Preview preview(@PathVariable @Size(max = 100) @NoControlCharacters String id,
			@RequestParam(required = false) @Size(max = 35) @NoControlCharacters String locale,
			@RequestParam @ExternalId String customer) {
		if (!templates.exists(id)) {
			throw new NotFoundException("id", "No mail template '" + id + "'; GET /api/templates lists them");
		}
		RenderedPreview preview = customerEmails.preview(id, locale, customer);
		return new Preview(preview.templateId(), preview.language(), preview.category(), preview.content().subject(),
				preview.content().html(), preview.content().text());
	}

	@ExceptionHandler(InvalidTemplateException.class)
	ProblemDetail invalidTemplate(InvalidTemplateException e) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY, e.getMessage());
		problem.setTitle("Template cannot be used");
		return problem;
	}

}
