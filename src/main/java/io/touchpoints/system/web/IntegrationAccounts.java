package io.touchpoints.system.web;

import java.util.List;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import io.touchpoints.system.Groups;

/**
 * Other systems (accounts only in {@code integration}) change journeys only through the Touchpoints API, which
 * knows the customer and keeps the journey consistent; the engine's REST API is for people and CX tooling.
 */
@Component
@Order(10)
class IntegrationAccounts implements EngineRequestRule {

	@Override
	public Answer check(EngineRequest request) {
		List<String> groups = request.caller().groupIds();
		if (!groups.isEmpty() && groups.stream().allMatch(Groups.INTEGRATION::equals)) {
			return Answer.forbidden("Integration accounts use the Touchpoints API (/api); the engine's REST API is "
					+ "for people and CX tooling");
		}
		return null;
	}

}
