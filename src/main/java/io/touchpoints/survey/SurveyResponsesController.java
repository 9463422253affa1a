package io.touchpoints.survey;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.touchpoints.system.AllowedGroups;
import io.touchpoints.system.FieldProblem;
import io.touchpoints.system.Groups;
import io.touchpoints.system.InvalidRequestException;
import io.touchpoints.system.MonthRange;

/**
 * The survey answers of whole months: JSON a page at a time, or every answer as CSV ({@code Accept: text/csv}) for
 * a spreadsheet. Customers write the comments, so a CSV cell that a spreadsheet would run as a formula is written
 * as text.
 */
@RestController
@AllowedGroups({ Groups.CX_OPS, Groups.INTEGRATION })
class SurveyResponsesController {

	static final int MAX_PAGE_SIZE = 1000;

	private static final String TEXT_CSV = "text/csv";

	private final SurveyResponses responses;

	private final Clock clock;

	SurveyResponsesController(SurveyResponses responses, Clock clock) {
		this.responses = responses;
		this.clock = clock;
	}

	record ResponsesPage(String from, String to, int page, int size, long total, List<SurveyResponses.Answer> responses) {
	}

	@GetMapping(path = "/api/surveys/responses", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponsesPage json(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "100") int size) {
		List<FieldProblem> problems = new ArrayList<>();
		if (page < 0) {
			problems.add(new FieldProblem("page", "must be 0 or more"));
		}
		if (size < 1 || size > MAX_PAGE_SIZE) {
			problems.add(new FieldProblem("size", "must be between 1 and " + MAX_PAGE_SIZE));
		}
		MonthRange months = months(from, to, problems);
		return new ResponsesPage(months.first().toString(), months.last().toString(), page, size,
				responses.count(months.first(), months.last()), responses.page(months.first(), months.last(), page, size));
	}

	/** Written as it is read: a year of answers never sits in memory. */
	@GetMapping(path = "/api/surveys/responses", produces = TEXT_CSV)
	void csv(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			HttpServletResponse response) throws IOException {
		MonthRange months = months(from, to, new ArrayList<>());
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader("Content-Disposition", "attachment; filename=\"survey-responses-" + months.first() + "-to-"
				+ months.last() + ".csv\"");
		Writer writer = new BufferedWriter(new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8));
		writer.write(row(Stream.of("customerRef", "customerName", "survey", "stage", "invitedAt", "answeredAt", "updatedAt",
				"score", "comment")));
		responses.each(months.first(), months.last(), answer -> {
			try {
				writer.write(row(Stream.of(answer.customerRef(), answer.customerName(), answer.survey(), answer.stage(),
						answer.invitedAt().toString(), answer.answeredAt().toString(), answer.updatedAt().toString(),
						Integer.toString(answer.score()), answer.comment())));
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		});
		writer.flush();
	}

	private MonthRange months(String from, String to, List<FieldProblem> problems) {
		MonthRange months = MonthRange.parse(from, to, YearMonth.from(clock.instant().atZone(ZoneOffset.UTC)), 1, problems);
		if (!problems.isEmpty()) {
			throw new InvalidRequestException(problems);
		}
		return months;
	}

	/** One RFC 4180 line: every cell quoted, quotes doubled, and a cell a spreadsheet would evaluate made text. */
	static String row(Stream<String> cells) {
		return cells.map(SurveyResponsesController::cell).collect(Collectors.joining(",")) + "\r\n";
	}

	private static String cell(String value) {
		if (value == null) {
			return "";
		}
		String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
		return "\"" + safe.replace("\"", "\"\"") + "\"";
	}

}
