package io.touchpoints.system;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;

/**
 * Finds the keys a JSON document gives more than once in the same object, by path ({@code name},
 * {@code items[2].sku}). Jackson refuses such a document at its first duplicate with a parse error; this names
 * every one, as the API names every other offending field.
 */
final class JsonDuplicateKeys {

	private static final JsonFactory LENIENT = JsonFactory.builder().build();

	private JsonDuplicateKeys() {
	}

	/** The paths of the repeated keys, each once; empty for a document without any, or that is no JSON at all. */
	static List<String> in(byte[] document) {
		Set<String> repeated = new LinkedHashSet<>();
		Deque<Set<String>> keysPerObject = new ArrayDeque<>();
		try (JsonParser parser = LENIENT.createParser(document)) {
			for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
				if (token == JsonToken.START_OBJECT) {
					keysPerObject.push(new HashSet<>());
				}
				else if (token == JsonToken.END_OBJECT) {
					keysPerObject.pop();
				}
				else if (token == JsonToken.FIELD_NAME && !keysPerObject.peek().add(parser.currentName())) {
					repeated.add(path(parser.getParsingContext()));
				}
			}
		}
		catch (IOException malformed) {
			// What was read so far is reported; the binding reports the malformed rest with its position.
		}
		return List.copyOf(repeated);
	}

	private static String path(JsonStreamContext context) {
		StringBuilder path = new StringBuilder();
		for (JsonStreamContext part = context; part != null && !part.inRoot(); part = part.getParent()) {
			path.insert(0, part.inArray() ? "[" + part.getCurrentIndex() + "]" : "." + part.getCurrentName());
		}
		return path.charAt(0) == '.' ? path.substring(1) : path.toString();
	}

}
