package io.touchpoints.system;

import java.util.Locale;

/**
 * Characters that have no place in a name or an identifier: they end lines where no line may end (NUL, the C0 and
 * C1 controls such as U+0085, U+2028 and U+2029), cannot be encoded (unpaired surrogates) or make text read other
 * than it is stored (bidirectional embeddings, overrides and isolates, U+202A–U+202E and U+2066–U+2069). Everything
 * else stays allowed, including the joiners U+200C and U+200D that Persian and Indic names and emoji need, and the
 * left-to-right and right-to-left marks.
 */
public final class ControlCharacters {

	private ControlCharacters() {
	}

	/**
	 * What is wrong with {@code text}, or null: "must not contain control characters; found U+2028 (LINE SEPARATOR)
	 * at position 4". With {@code lineBreaksAllowed}, tabs and line feeds and carriage returns pass (free text such as
	 * a cancellation reason).
	 */
	public static String problem(String text, boolean lineBreaksAllowed) {
		if (text == null) {
			return null;
		}
		int position = 0;
		for (int i = 0; i < text.length(); i += Character.charCount(text.codePointAt(i))) {
			position++;
			int codePoint = text.codePointAt(i);
			if (Character.isSurrogate((char) codePoint) && Character.charCount(codePoint) == 1) {
				return "must not contain unpaired surrogates; found " + name(codePoint) + " at position " + position;
			}
			if (refused(codePoint, lineBreaksAllowed)) {
				return "must not contain control characters; found " + name(codePoint) + " at position " + position;
			}
		}
		return null;
	}

	private static boolean refused(int codePoint, boolean lineBreaksAllowed) {
		if (lineBreaksAllowed && (codePoint == '\n' || codePoint == '\r' || codePoint == '\t')) {
			return false;
		}
		return Character.getType(codePoint) == Character.CONTROL || codePoint == 0x2028 || codePoint == 0x2029
				|| (codePoint >= 0x202A && codePoint <= 0x202E) || (codePoint >= 0x2066 && codePoint <= 0x2069);
	}

	private static String name(int codePoint) {
		String name = Character.getName(codePoint);
		String hex = "U+" + String.format(Locale.ROOT, "%04X", codePoint);
		return name == null || Character.isSurrogate((char) codePoint) ? hex : hex + " (" + name + ")";
	}

}
