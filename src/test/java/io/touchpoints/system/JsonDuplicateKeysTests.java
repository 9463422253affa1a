package io.touchpoints.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** Keys given twice in one JSON object are found by path, each once, however deep. */
class JsonDuplicateKeysTests {

	@Test
	void namesEveryKeyGivenTwiceInTheSameObject() {
		assertThat(in("{\"name\":\"A\",\"email\":\"a@b.c\",\"name\":\"B\",\"email\":\"b@b.c\",\"name\":\"C\"}"))
			.containsExactly("name", "email");
	}

	@Test
	void namesKeysInNestedObjectsAndArraysByTheirPath() {
		assertThat(in("{\"items\":[{\"sku\":1},{\"sku\":2,\"sku\":3}],\"address\":{\"city\":\"x\",\"city\":\"y\"}}"))
			.containsExactly("items[1].sku", "address.city");
	}

	@Test
	void theSameKeyInDifferentObjectsIsNoDuplicate() {
		assertThat(in("[{\"id\":1},{\"id\":2}]")).isEmpty();
		assertThat(in("{\"a\":{\"id\":1},\"b\":{\"id\":2},\"id\":3}")).isEmpty();
	}

	@Test
	void reportsWhatItReadBeforeMalformedJson() {
		assertThat(in("{\"a\":1,\"a\":2,")).containsExactly("a");
		assertThat(in("not json")).isEmpty();
	}

	private static java.util.List<String> in(String json) {
		return JsonDuplicateKeys.in(json.getBytes(StandardCharsets.UTF_8));
	}

}
