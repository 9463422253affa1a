package io.touchpoints.customer;

/** The shape of identifiers other systems give us (CRM references, purchase ids). */
public final class ExternalIds {

	public static final String PATTERN = "[A-Za-z0-9._:@-]{1,100}";

	public static final String MESSAGE = "must be 1 to 100 letters, digits or . _ : @ -";

	private ExternalIds() {
	}

}
