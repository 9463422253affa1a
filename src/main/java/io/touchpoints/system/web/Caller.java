package io.touchpoints.system.web;

import java.util.List;

import io.touchpoints.system.Groups;

/** The authenticated person or system behind a request, with their groups. */
public record Caller(String userId, List<String> groupIds) {

	public Caller {
		groupIds = groupIds == null ? List.of() : List.copyOf(groupIds);
	}

	public boolean isAdministrator() {
		return groupIds.contains(Groups.ADMIN);
	}

	public boolean isIn(String groupId) {
		return groupIds.contains(groupId);
	}

	public boolean isInAnyOf(List<String> groups) {
		return groups.stream().anyMatch(groupIds::contains);
	}

}
