package io.touchpoints.customer;

/** The shape of identifiers other systems give us (CRM references, purchase ids). */
final class ExternalIds {

	static final String PATTERN = "[A-Za-z0-9._:@-]{1,100}";

	static final String MESSAGE = "must be 1 to 100 letters, digits or . _ : @ -";

	private ExternalIds() {
	}

}
