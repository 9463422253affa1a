package io.touchpoints.system;

import static org.camunda.bpm.engine.authorization.Permissions.READ;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.query.Query;
import org.springframework.stereotype.Component;

/**
 * The shared Tasklist filters every task worker starts from. Their stored queries use the engine's
 * {@code currentUser()} functions, which are allowed in stored (not ad-hoc) queries.
 */
@Component
class TasklistFilters {

	static final String GROUP_TASKS = "My group's tasks";

	static final String MY_TASKS = "My tasks";

	/** Leads see their team's tasks, claimed or not, to release a stuck one. */
	static final String TEAM_TASKS = "Team tasks: ";

	private final FilterService filterService;

	private final TaskService taskService;

	private final Authorizations authorizations;

	TasklistFilters(FilterService filterService, TaskService taskService, Authorizations authorizations) {
		this.filterService = filterService;
		this.taskService = taskService;
		this.authorizations = authorizations;
	}

	void ensure(String... groups) {
		Filter groupTasks = ensureFilter(GROUP_TASKS, -10,
				taskService.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks());
		Filter myTasks = ensureFilter(MY_TASKS, -5, taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}"));
		for (String group : groups) {
			authorizations.grant(group, Resources.FILTER, groupTasks.getId(), READ);
			authorizations.grant(group, Resources.FILTER, myTasks.getId(), READ);
			for (String team : Groups.ledBy(group)) {
				Filter teamTasks = ensureFilter(TEAM_TASKS + team, 0,
						taskService.createTaskQuery().taskCandidateGroup(team).includeAssignedTasks());
				authorizations.grant(group, Resources.FILTER, teamTasks.getId(), READ);
			}
		}
	}

	private Filter ensureFilter(String name, int priority, Query<?, ?> query) {
		Map<String, Object> properties = Map.of("priority", priority, "refresh", true, "description", name,
				// Each card shows whose task it is.
				"variables", List.of(Map.of("name", "customerName", "label", "Customer")), "showUndefinedVariable", false);
		Filter existing = filterService.createFilterQuery().filterName(name).singleResult();
		if (existing != null) {
			if (!existing.getProperties().containsKey("variables")) {
				filterService.saveFilter(existing.setProperties(properties));
			}
			return existing;
		}
		Filter filter = filterService.newTaskFilter(name).setOwner(null).setProperties(properties).setQuery(query);
		return filterService.saveFilter(filter);
	}

}
