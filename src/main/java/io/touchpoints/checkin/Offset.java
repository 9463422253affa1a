package io.touchpoints.checkin;

import java.time.LocalDate;

/** How far after its anchor a check-in takes place: calendar days (day 30 is day 30) or working days. */
record Offset(int days, boolean workingDays) {

	static Offset calendarDays(int days) {
		return new Offset(days, false);
	}

	static Offset workingDays(int days) {
		return new Offset(days, true);
	}

	/** The first day the check-in may take place; the slot finder then skips to working hours. */
	LocalDate after(LocalDate anchor, SlotFinder slots) {
		return workingDays ? slots.businessDaysAfter(anchor, days) : anchor.plusDays(days);
	}

}
