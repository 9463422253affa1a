package io.touchpoints.usage;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.touchpoints.system.AllowedGroups;
import io.touchpoints.system.FieldProblem;
import io.touchpoints.system.Groups;
import io.touchpoints.system.InvalidRequestException;

/** What customers do in the product, pushed by the product in batches. */
@RestController
@AllowedGroups(Groups.INTEGRATION)
class UsageEventsController {

	static final int MAX_BATCH = 1000;

	private final UsageIngestion ingestion;

	UsageEventsController(UsageIngestion ingestion) {
		this.ingestion = ingestion;
	}

	@PostMapping("/api/usage-events")
	ResponseEntity<UsageIngestion.Result> ingest(@RequestBody JsonNode batch) {
		if (!batch.isArray() || batch.isEmpty() || batch.size() > MAX_BATCH) {
			throw new InvalidRequestException(List.of(new FieldProblem("body",
					"must be a JSON array of 1 to " + MAX_BATCH + " usage events"
							+ (batch.isArray() ? ", not " + batch.size() : ""))));
		}
		return ResponseEntity.accepted().body(ingestion.ingest(batch));
	}

}
