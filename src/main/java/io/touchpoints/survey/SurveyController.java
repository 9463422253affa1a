package io.touchpoints.survey;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The pages behind a survey email's one-click links. The signed link is the only credential. Opening a link
 * records its score through a form the page submits at once: a person's browser does, a mail system's link
 * scanner (which only fetches) does not, so scanners never answer for the customer (decision 20). The answer page
 * then lets the customer change the score and add a comment; every POST carries the form's CSRF field.
 */
@Controller
@RequestMapping(SurveyLinks.PATH + "{token}")
class SurveyController {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final SurveyLinks links;

	private final SurveyAnswers answers;

	private final SurveyForms forms;

	SurveyController(SurveyLinks links, SurveyAnswers answers, SurveyForms forms) {
		this.links = links;
		this.answers = answers;
		this.forms = forms;
	}

	@GetMapping
	ResponseEntity<String> open(@PathVariable String token, HttpServletRequest request) {
		return withInvitation(token, (link, current, page) -> {
			String key = forms.browserKey(request);
			String nonce = nonce();
			return html(HttpStatus.OK, page.recording(SurveyLinks.PATH + token, forms.field(key, link.invitationId()),
					link.score(), nonce), nonce, forms.cookie(key, request).toString());
		});
	}

	/**
	 * The form the link's page submitted: records the score. Submitted by the page's script, it answers the answer
	 * page itself (every click would pay for a redirect otherwise), which then shows its own address, so a reload does
	 * not post again; submitted with the button (no scripts), it redirects there.
	 */
	@PostMapping
	ResponseEntity<String> record(@PathVariable String token,
			@RequestParam(name = SurveyForms.FIELD, required = false) String csrf,
			@RequestParam(name = SurveyPage.SCRIPTED, required = false) String scripted, HttpServletRequest request) {
		Optional<SurveyLinks.Answer> link = links.verify(token);
		if (link.isEmpty()) {
			return refused(SurveyAnswers.Refusal.UNKNOWN, new SurveyPage(null));
		}
		if (!forms.accepts(request, link.get().invitationId(), csrf)) {
			return withInvitation(token,
					(verified, current, page) -> html(HttpStatus.FORBIDDEN, page.formExpired(SurveyLinks.PATH + token), null, null));
		}
		SurveyAnswers.Outcome outcome = answers.answer(link.get().invitationId(), link.get().score(), null);
		SurveyPage page = new SurveyPage(outcome.locale());
		if (!outcome.recorded()) {
			return refused(outcome.refusal(), page);
		}
		if (!"yes".equals(scripted)) {
			return seeAnswer(token, "");
		}
		String key = forms.browserKey(request);
		String nonce = nonce();
		return html(HttpStatus.OK, page.recorded(outcome.invitation().kind(), answerAddress(token),
				forms.field(key, link.get().invitationId()), outcome.response().score(), outcome.response().comment(), nonce),
				nonce, forms.cookie(key, request).toString());
	}

	@GetMapping("/answer")
	ResponseEntity<String> answer(@PathVariable String token, @RequestParam(name = "saved", required = false) String saved,
			HttpServletRequest request) {
		return withInvitation(token, (link, current, page) -> {
			if (current.response() == null) {
				return ResponseEntity.status(HttpStatus.SEE_OTHER).location(URI.create(SurveyLinks.PATH + token)).build();
			}
			String key = forms.browserKey(request);
			return html(HttpStatus.OK, page.answer(current.invitation().kind(), answerAddress(token),
					forms.field(key, link.invitationId()), current.response().score(), current.response().comment(),
					page.message(saved == null ? "recorded" : "saved", current.response().score()), null), null,
					forms.cookie(key, request).toString());
		});
	}

	@PostMapping("/answer")
	ResponseEntity<String> change(@PathVariable String token,
			@RequestParam(name = SurveyForms.FIELD, required = false) String csrf,
			@RequestParam(name = "score", required = false) String score,
			@RequestParam(name = "comment", required = false) String submittedComment, HttpServletRequest request) {
		return withInvitation(token, (link, current, page) -> {
			if (!forms.accepts(request, link.invitationId(), csrf)) {
				return html(HttpStatus.FORBIDDEN, page.formExpired(answerAddress(token)), null, null);
			}
			SurveyKind kind = current.invitation().kind();
			Optional<Integer> chosen = parse(score).filter(kind::accepts);
			// Browsers count a line break once for maxlength and send it as CR LF.
			String comment = submittedComment == null ? null : submittedComment.replace("\r\n", "\n");
			Optional<String> commentProblem = SurveyAnswers.commentProblem(comment);
			if (chosen.isEmpty() || commentProblem.isPresent()) {
				String problem = chosen.isEmpty() ? page.message("scoreProblem", kind.lowest(), kind.highest())
						: commentProblem.get().equals("too-long")
								? page.message("commentTooLong", comment.length(), SurveyAnswers.COMMENT_LIMIT)
								: page.message("commentControl");
				int shown = chosen.orElse(current.response() == null ? -1 : current.response().score());
				return html(HttpStatus.BAD_REQUEST, page.answer(kind, answerAddress(token), csrf, shown,
						comment, null, problem), null, null);
			}
			SurveyAnswers.Outcome outcome = answers.answer(link.invitationId(), chosen.get(), comment == null ? "" : comment);
			return outcome.recorded() ? seeAnswer(token, "?saved") : refused(outcome.refusal(), page);
		});
	}

	private interface PageAction {

		ResponseEntity<String> apply(SurveyLinks.Answer link, SurveyAnswers.Outcome current, SurveyPage page);

	}

	private ResponseEntity<String> withInvitation(String token, PageAction action) {
		Optional<SurveyLinks.Answer> link = links.verify(token);
		SurveyAnswers.Outcome current = link.map(answer -> answers.current(answer.invitationId()))
			.orElse(SurveyAnswers.Outcome.refused(SurveyAnswers.Refusal.UNKNOWN, null));
		SurveyPage page = new SurveyPage(current.locale());
		if (!current.recorded()) {
			return refused(current.refusal(), page);
		}
		if (!current.invitation().kind().accepts(link.get().score())) {
			return refused(SurveyAnswers.Refusal.UNKNOWN, page);
		}
		return action.apply(link.get(), current, page);
	}

	private static ResponseEntity<String> refused(SurveyAnswers.Refusal refusal, SurveyPage page) {
		return refusal == SurveyAnswers.Refusal.EXPIRED ? html(HttpStatus.GONE, page.closed(), null, null)
				: html(HttpStatus.NOT_FOUND, page.invalidLink(), null, null);
	}

	private static String answerAddress(String token) {
		return SurveyLinks.PATH + token + "/answer";
	}

	private static ResponseEntity<String> seeAnswer(String token, String query) {
		return ResponseEntity.status(HttpStatus.SEE_OTHER)
			.location(URI.create(answerAddress(token) + query))
			.cacheControl(CacheControl.noStore())
			.header("Referrer-Policy", "no-referrer")
			.build();
	}

	private static Optional<Integer> parse(String score) {
		try {
			return score == null ? Optional.empty() : Optional.of(Integer.parseInt(score.strip()));
		}
		catch (NumberFormatException e) {
			return Optional.empty();
		}
	}

	private static String nonce() {
		byte[] random = new byte[16];
		RANDOM.nextBytes(random);
		return Base64.getEncoder().encodeToString(random);
	}

	private static ResponseEntity<String> html(HttpStatus status, String body, String scriptNonce, String cookie) {
		ResponseEntity.BodyBuilder response = ResponseEntity.status(status)
			.contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
			.cacheControl(CacheControl.noStore())
			// The token in the URL is a credential: never leak it to another site.
			.header("Referrer-Policy", "no-referrer")
			.header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; "
					+ "frame-ancestors 'none'" + (scriptNonce == null ? "" : "; script-src 'nonce-" + scriptNonce + "'"))
			.header("X-Content-Type-Options", "nosniff");
		if (cookie != null) {
			response.header(HttpHeaders.SET_COOKIE, cookie);
		}
		return response.body(body);
	}

}
