package io.touchpoints.checkin;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Where check-ins may be placed ({@code touchpoints.check-ins}): the customer's working hours, in their zone. */
@ConfigurationProperties("touchpoints.check-ins")
public record CheckInSettings(
		@DefaultValue("09:00") LocalTime workdayStart,
		@DefaultValue("17:00") LocalTime workdayEnd,
		@DefaultValue({ "MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY" }) Set<DayOfWeek> workdays) {
}
