package io.touchpoints.checkin;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.touchpoints.system.AcceptedDates;
import io.touchpoints.system.AllowedGroups;
import io.touchpoints.system.FieldProblem;
import io.touchpoints.system.Groups;
import io.touchpoints.system.InvalidRequestException;
import io.touchpoints.system.NoControlCharacters;
import io.touchpoints.system.web.Caller;

/** Check-ins as customer-success managers and other systems change them. */
@RestController
@RequestMapping("/api/check-ins/{id}")
@AllowedGroups({ Groups.CSM, Groups.SUPPORT, Groups.CSM_LEADS, Groups.SUPPORT_LEADS })
class CheckInController {

	private final CheckInChanges changes;

	private final CheckInPermissions permissions;

	private final IdentityService identityService;

	CheckInController(CheckInChanges changes, CheckInPermissions permissions, IdentityService identityService) {
		this.changes = changes;
		this.permissions = permissions;
		this.identityService = identityService;
	}

	/** A check-in as the API shows it; {@code startsAt} is in the customer's time zone. */
	record CheckInView(String id, String topic, OffsetDateTime startsAt, String timeZone, long durationMinutes,
			int sequence, CheckIn.Status status, String taskId) {

		static CheckInView of(CheckIn checkIn) {
			return new CheckInView(checkIn.getId(), checkIn.getTopic(), checkIn.start().toOffsetDateTime(),
					checkIn.start().getZone().getId(), checkIn.duration().toMinutes(), checkIn.getSequence(),
					checkIn.getStatus(), checkIn.getTaskId());
		}

	}

	/**
	 * Body of a reschedule: {@code startsAt} with an offset ({@code 2026-12-02T10:00:00+01:00}) or without, then
	 * in the customer's time zone; {@code durationMinutes} keeps the current duration when absent.
	 */
	record Reschedule(@NotBlank @Size(max = 100) @NoControlCharacters String startsAt,
			@Min(5) @Max(480) Integer durationMinutes) {
	}

	/** Body of a cancellation; the reason goes to the customer's timeline. */
	record Cancellation(@Size(max = 500) @NoControlCharacters(lineBreaksAllowed = true) String reason) {
	}

	@GetMapping
	CheckInView get(@PathVariable @Size(max = 100) @NoControlCharacters String id) {
		return CheckInView.of(changes.find(id));
	}

	@PostMapping("/reschedule")
	CheckInView reschedule(@PathVariable @Size(max = 100) @NoControlCharacters String id,
			@Valid @RequestBody Reschedule request) {
		CheckIn checkIn = changes.find(id);
		Caller caller = caller();
		permissions.requireMayChange(checkIn, caller);
		ZonedDateTime start = parse(request.startsAt(), checkIn.start().getZone());
		Duration duration = request.durationMinutes() == null ? null : Duration.ofMinutes(request.durationMinutes());
		return CheckInView.of(changes.reschedule(id, start, duration, caller.userId()));
	}

	@PostMapping("/cancellation")
	CheckInView cancel(@PathVariable @Size(max = 100) @NoControlCharacters String id,
			@Valid @RequestBody(required = false) Cancellation request) {
		Caller caller = caller();
		permissions.requireMayChange(changes.find(id), caller);
		return CheckInView.of(changes.cancel(id, request == null ? null : request.reason(), caller.userId()));
	}

	private Caller caller() {
		var authentication = identityService.getCurrentAuthentication();
		return new Caller(authentication.getUserId(), authentication.getGroupIds());
	}

	private static ZonedDateTime parse(String startsAt, ZoneId customerZone) {
		ZonedDateTime start = parseInZone(startsAt, customerZone);
		String outOfRange = AcceptedDates.problem(start);
		if (outOfRange != null) {
			throw new InvalidRequestException(List.of(new FieldProblem("startsAt", "'" + startsAt + "' " + outOfRange)));
		}
		return start;
	}

	private static ZonedDateTime parseInZone(String startsAt, ZoneId customerZone) {
		try {
			return OffsetDateTime.parse(startsAt).atZoneSameInstant(customerZone);
		}
		catch (DateTimeException withoutOffset) {
			try {
				return LocalDateTime.parse(startsAt).atZone(customerZone);
			}
			catch (DateTimeException e) {
				throw new InvalidRequestException(List.of(new FieldProblem("startsAt",
						"'" + startsAt + "' is not a date-time like 2026-12-02T10:00 or 2026-12-02T10:00:00+01:00")));
			}
		}
	}

}
