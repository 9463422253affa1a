package io.touchpoints.system;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;

/**
 * Holds every date Jackson binds to {@link AcceptedDates}: whatever deserializer Jackson picks for a
 * {@code LocalDate}, {@code Instant}, {@code OffsetDateTime} and the like is wrapped in a range check, so no request
 * body needs a per-field annotation and none can forget one.
 */
class AcceptedDatesModule extends SimpleModule {

	AcceptedDatesModule() {
		super("accepted-dates");
		setDeserializerModifier(new BeanDeserializerModifier() {
			@Override
			public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription description,
					JsonDeserializer<?> deserializer) {
				return AcceptedDates.checks(description.getBeanClass()) ? new RangeChecked(deserializer) : deserializer;
			}
		});
	}

	/** A date Jackson parsed that lies outside {@link AcceptedDates}. */
	static class OutOfRangeException extends InvalidFormatException {

		OutOfRangeException(JsonParser parser, String text, Object value, Class<?> type) {
			super(parser, "'" + text + "' " + AcceptedDates.problem(value), text, type);
		}

	}

	private static final class RangeChecked extends DelegatingDeserializer {

		RangeChecked(JsonDeserializer<?> delegate) {
			super(delegate);
		}

		@Override
		protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> newDelegatee) {
			return new RangeChecked(newDelegatee);
		}

		@Override
		public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
			String text = parser.getText();
			Object value = super.deserialize(parser, context);
			if (AcceptedDates.problem(value) != null) {
				throw new OutOfRangeException(parser, text, value, handledType());
			}
			return value;
		}

	}

}
