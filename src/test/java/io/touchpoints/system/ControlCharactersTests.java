package io.touchpoints.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Which characters a name or an identifier may hold. */
class ControlCharactersTests {

	static Stream<Arguments> namesWithControlCharacters() {
		return Stream.of(arguments("Ana\u0000García", "U+0000 (NULL) at position 4"),
				arguments("Ana\u0085García", "U+0085 (NEXT LINE (NEL)) at position 4"),
				arguments("Ana\u2028García", "U+2028 (LINE SEPARATOR) at position 4"),
				arguments("Ana\u2029", "U+2029 (PARAGRAPH SEPARATOR) at position 4"),
				arguments("Ana\r\nBcc: x", "U+000D (CARRIAGE RETURN (CR)) at position 4"),
				arguments("Ana\tGarcía", "U+0009 (CHARACTER TABULATION) at position 4"),
				arguments("Ana\u007F", "U+007F (DELETE) at position 4"),
				arguments("\u202Egnp.exe", "U+202E (RIGHT-TO-LEFT OVERRIDE) at position 1"),
				arguments("a\u2066b\u2069", "U+2066 (LEFT-TO-RIGHT ISOLATE) at position 2"),
				arguments("\uD83D\uDE00\u001Bx", "U+001B (ESCAPE) at position 2"));
	}

	@ParameterizedTest
	@MethodSource("namesWithControlCharacters")
	void namesTheFirstControlCharacterAndWhereItIs(String text, String found) {
		assertThat(ControlCharacters.problem(text, false))
			.isEqualTo("must not contain control characters; found " + found);
	}

	@ParameterizedTest
	@ValueSource(strings = { "a\uD800b", "a\uDC00", "\uDFFFa" })
	void refusesUnpairedSurrogates(String text) {
		assertThat(ControlCharacters.problem(text, false)).startsWith("must not contain unpaired surrogates; found U+D")
			.doesNotContain("(");
	}

	@ParameterizedTest
	@ValueSource(strings = { "Ana García", "Zoë Ñúñez-Çelik", "王小明", "김민준", "محمد‌علی", "क्‍ष", "Ελένη",
			"‏שרה‏ 2", "👩‍💻 Dev", "🏴󠁧󠁢󠁳󠁣󠁴󠁿", "O'Brien & Söhne, S.A." })
	void acceptsNamesInEveryScript(String name) {
		assertThat(ControlCharacters.problem(name, false)).isNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { "Moving to another tool.\nToo expensive.", "Price\r\nand support", "a\tb" })
	void freeTextKeepsItsLineBreaksAndTabs(String reason) {
		assertThat(ControlCharacters.problem(reason, true)).isNull();
		assertThat(ControlCharacters.problem(reason + "\u2028", true)).contains("U+2028");
	}

}
