package io.touchpoints.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.ExclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.InclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SendTask;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.Task;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputOutput;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputParameter;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.camunda.bpm.model.bpmn.instance.dc.Bounds;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import io.touchpoints.sandbox.ModelBean;
import io.touchpoints.support.IntegrationTest;

/**
 * The modeling rules of processes/README.md, checked on every model in processes/: the models are edited by
 * CX operations in Camunda Modeler, and a broken rule should fail the build, not a customer's journey.
 */
@IntegrationTest
class ProcessModelsIT {

	private static final Path PROCESSES = Path.of("processes");

	private static final Path FORMS = PROCESSES.resolve("forms");

	private static final Path TEMPLATES = PROCESSES.resolve(".camunda/element-templates");

	private static final Path ROUTING = PROCESSES.resolve("task-routing.dmn");

	private static final Path MAIL_TEMPLATES = Path.of("templates", "mail");

	private static final Path GUIDE = PROCESSES.resolve("README.md");

	private static final String MODEL_BEANS_HEADING = "### Model beans";

	private static final Pattern MODEL_BEAN_ROW = Pattern.compile("(?m)^\\| `([A-Za-z0-9]+)` \\|");

	private static final Set<String> BOUND_TYPES = Set.of("camunda:inputParameter", "camunda:property");

	private static final Pattern QUOTED = Pattern.compile("\"([^\"]+)\"");

	private static final String CAMUNDA_NS = "http://camunda.org/schema/1.0/bpmn";

	private static final Pattern BEAN_EXPRESSION = Pattern.compile("\\$\\{([A-Za-z_$][A-Za-z0-9_$]*)}");

	private static final Pattern KEBAB_CASE = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

	private static final Predicate<JsonNode> TEXT = node -> node.isTextual() && !node.asText().isBlank();

	private static final Map<String, Predicate<JsonNode>> TEMPLATE_FIELDS = new TreeMap<>(Map.of("name", TEXT, "id", TEXT,
			"appliesTo", node -> node.isArray() && !node.isEmpty(), "properties", JsonNode::isArray));

	private static final ObjectMapper JSON = new ObjectMapper();

	@Autowired
	ProcessEngine processEngine;

	@Autowired
	ApplicationContext applicationContext;

	@Test
	void everyExecutableProcessAndDecisionLimitsHowLongItsHistoryIsKept() {
		assertThat(Stream.concat(inEveryBpmnFile(ProcessModelsIT::historyTimeToLive).stream(),
				inEvery(modelFiles(".dmn"), Dmn::readModelFromFile, ProcessModelsIT::decisionHistoryTimeToLive).stream()))
			.isEmpty();
	}

	@Test
	void everyServiceAndSendTaskIsWiredByADelegateExpressionNeverByClassName() {
		assertThat(inEveryBpmnFile(ProcessModelsIT::delegateWiring)).isEmpty();
	}

	@Test
	void everyDelegateExpressionNamesAReachableDelegateBean() {
		Set<String> beans = reachableBeans();
		assertThat(inEveryBpmnFile((model, file) -> unreachableBeans(model, file, beans))).isEmpty();
	}

	@Test
	void everyFlowNodeAndEveryGatewayBranchIsNamed() {
		assertThat(inEveryBpmnFile(ProcessModelsIT::naming)).isEmpty();
	}

	@Test
	void everyDiagramShowsEveryElementWithoutOverlaps() {
		assertThat(inEveryBpmnFile(ProcessModelsIT::diagram)).isEmpty();
	}

	@Test
	void everyUserTaskIsRoutedByTheRulesTableAndUsesADeployedForm() {
		Set<String> forms = formIds();
		Set<String> taskTypes = routedTaskTypes();
		assertThat(taskTypes).as("task types in %s", ROUTING).contains("kickoff-call");
		assertThat(inEveryBpmnFile((model, file) -> userTasks(model, file, forms, taskTypes))).isEmpty();
	}

	@Test
	void everyTipTemplateOfTheFeatureCatalogueExists() throws Exception {
		String catalogue = java.nio.file.Files.readString(java.nio.file.Path.of("processes", "feature-tips.dmn"));
		var tips = java.util.regex.Pattern.compile("_TipTemplate\"><text>\"([^\"]+)\"</text>").matcher(catalogue)
			.results().map(match -> match.group(1)).toList();
		assertThat(tips).isNotEmpty();
		assertThat(mailTemplateIds()).containsAll(tips);
	}

	@Test
	void theFormAndTaskTypesCodeGivesFollowUpTasksExist() {
		assertThat(formIds()).contains(io.touchpoints.task.FollowUp.DEFAULT_FORM);
		assertThat(routedTaskTypes()).contains(io.touchpoints.task.TaskTypes.CHECK_IN, "follow-up", "milestone-escalation");
	}

	@Test
	void everyMailTemplateAModelOrElementTemplateNamesExists() {
		Set<String> mailTemplates = mailTemplateIds();
		assertThat(inEveryBpmnFile((model, file) -> mailTemplates(model, file, mailTemplates))).isEmpty();
		assertThat(elementTemplateMailChoices(templatesById().values(), mailTemplates)).isEmpty();
	}

	@Test
	void everyTemplatedElementFillsTheInputsItsTemplateRequires() {
		Map<String, JsonNode> templates = templatesById();
		assertThat(inEveryBpmnFile((model, file) -> templateInputs(model, file, templates))).isEmpty();
	}

	@Test
	void everyDelegateBeanHasAValidElementTemplate() {
		assertThat(templateFiles().stream().flatMap(file -> templateFile(file).stream())).isEmpty();
		assertThat(beansWithoutTemplate(templatesById().values(), reachableBeans())).isEmpty();
	}

	@Test
	void onlyTheBeansMarkedForModelsAreReachable() {
		assertThat(reachableBeans()).containsExactlyInAnyOrder(applicationContext.getBeanNamesForAnnotation(ModelBean.class));
	}

	@Test
	void everyModelBeanHasARowInTheModelersGuide() throws IOException {
		assertThat(undocumentedBeans(reachableBeans(), Files.readString(GUIDE))).isEmpty();
	}

	@Test
	void everyProcessIsNamedAfterItsFileInKebabCase() {
		assertThat(inEveryBpmnFile(ProcessModelsIT::processIds)).isEmpty();
	}

	@Test
	void checksReportEveryRuleABrokenModelBreaks() {
		BpmnModelInstance broken = brokenModel();
		String file = "broken.bpmn";
		Set<String> beans = reachableBeans();
		Map<String, JsonNode> templates = templatesById();

		assertReports(historyTimeToLive(broken, file), "Broken_Process");
		assertReports(decisionHistoryTimeToLive(decisionWithoutHistoryTimeToLive(), "broken.dmn"), "Decision_Broken");
		assertReports(delegateWiring(broken, file), "ServiceTask_ByClass");
		assertReports(unreachableBeans(broken, file, beans), "ServiceTask_UnknownBean");
		assertReports(naming(broken, file), "Gateway_Unnamed");
		assertReports(diagram(broken, file), "UserTask_Nobody");
		assertReports(userTasks(broken, file, formIds(), routedTaskTypes()), "no-such-form");
		assertReports(userTasks(broken, file, formIds(), routedTaskTypes()), "UserTask_Nobody has no camunda:property taskType");
		assertReports(mailTemplates(broken, file, mailTemplateIds()), "no-such-mail-template");
		assertReports(templateInputs(broken, file, templates), "ServiceTask_UnknownBean");
		assertReports(templateInputs(broken, file, templates), "ServiceTask_ByClass");
		assertReports(templateShape("broken.json", JSON.createObjectNode().put("id", "io.touchpoints.Broken")), "has no name");
		assertReports(beansWithoutTemplate(templates.values(), Set.of("untemplatedDelegate")), "untemplatedDelegate");
		assertReports(undocumentedBeans(Set.of("undocumentedDelegate"), "### Model beans\n| `sendEmailDelegate` | x |\n"),
				"undocumentedDelegate");
		assertReports(undocumentedBeans(Set.of(), "### Model beans\n| `removedDelegate` | x |\n"), "removedDelegate");
		assertReports(processIds(broken, file), "Broken_Process");
	}

	static List<String> historyTimeToLive(BpmnModelInstance model, String file) {
		return model.getModelElementsByType(Process.class)
			.stream()
			.filter(process -> process.isExecutable() && isBlank(process.getCamundaHistoryTimeToLiveString()))
			.map(process -> violation(file, process.getId(), "has no camunda:historyTimeToLive"))
			.toList();
	}

	static List<String> decisionHistoryTimeToLive(DmnModelInstance model, String file) {
		return model.getModelElementsByType(Decision.class)
			.stream()
			.filter(decision -> isBlank(decision.getCamundaHistoryTimeToLiveString()))
			.map(decision -> violation(file, decision.getId(), "has no camunda:historyTimeToLive"))
			.toList();
	}

	static List<String> delegateWiring(BpmnModelInstance model, String file) {
		List<String> violations = new ArrayList<>();
		wiredElements(model).forEach(element -> {
			String delegate = camunda(element, "delegateExpression");
			if (camunda(element, "class") != null) {
				violations.add(violation(file, ownerId(element), "is wired by class name (camunda:class); use an element template"));
			}
			if (delegate != null && !BEAN_EXPRESSION.matcher(delegate).matches()) {
				violations.add(violation(file, ownerId(element), "has delegate expression '" + delegate + "', not ${beanName}"));
			}
		});
		delegateTasks(model).forEach(task -> {
			if (camunda(task, "expression") != null) {
				violations.add(violation(file, task.getId(), "uses camunda:expression; use an element template"));
			}
			if (camunda(task, "delegateExpression") == null) {
				violations.add(violation(file, task.getId(), "has no camunda:delegateExpression; use an element template"));
			}
		});
		return violations;
	}

	static List<String> unreachableBeans(BpmnModelInstance model, String file, Set<String> beans) {
		List<String> violations = new ArrayList<>();
		wiredElements(model).forEach(element -> {
			Matcher bean = BEAN_EXPRESSION.matcher(Objects.toString(camunda(element, "delegateExpression"), ""));
			if (bean.matches() && !beans.contains(bean.group(1))) {
				violations.add(violation(file, ownerId(element),
						"names bean '" + bean.group(1) + "', which is not a delegate bean; reachable: " + new TreeSet<>(beans)));
			}
		});
		return violations;
	}

	static List<String> naming(BpmnModelInstance model, String file) {
		List<String> violations = new ArrayList<>();
		model.getModelElementsByType(FlowNode.class)
			.stream()
			.filter(node -> isBlank(node.getName()))
			.forEach(node -> violations.add(violation(file, node.getId(), "has no name")));
		// Parallel and event-based branches have no condition to name.
		model.getModelElementsByType(Gateway.class)
			.stream()
			.filter(gateway -> gateway instanceof ExclusiveGateway || gateway instanceof InclusiveGateway)
			.filter(gateway -> gateway.getOutgoing().size() > 1)
			.flatMap(gateway -> gateway.getOutgoing().stream())
			.filter(flow -> isBlank(flow.getName()))
			.forEach(flow -> violations.add(violation(file, flow.getId(),
					"leaves gateway " + flow.getSource().getId() + " without a name saying its condition")));
		return violations;
	}

	static List<String> diagram(BpmnModelInstance model, String file) {
		Set<String> shown = idsOfDiagramElements(model, BpmnShape.class, BpmnShape::getBpmnElement);
		Set<String> drawn = idsOfDiagramElements(model, BpmnEdge.class, BpmnEdge::getBpmnElement);
		List<String> violations = new ArrayList<>();
		model.getModelElementsByType(FlowNode.class)
			.stream()
			.filter(node -> !shown.contains(node.getId()))
			.forEach(node -> violations.add(violation(file, node.getId(), "has no shape in the diagram")));
		model.getModelElementsByType(SequenceFlow.class)
			.stream()
			.filter(flow -> !drawn.contains(flow.getId()))
			.forEach(flow -> violations.add(violation(file, flow.getId(), "has no edge in the diagram")));
		violations.addAll(overlaps(model, file));
		return violations;
	}

	static List<String> userTasks(BpmnModelInstance model, String file, Set<String> formIds, Set<String> taskTypes) {
		List<String> violations = new ArrayList<>();
		for (UserTask task : model.getModelElementsByType(UserTask.class)) {
			String taskType = camundaProperties(task).get("taskType");
			if (isBlank(taskType)) {
				violations.add(violation(file, task.getId(), "has no camunda:property taskType; use the Task for people template"));
			}
			else if (!taskType.contains("${") && !taskTypes.contains(taskType)) {
				violations.add(violation(file, task.getId(), "has task type '" + taskType + "', which no rule of " + ROUTING
						+ " names; known: " + new TreeSet<>(taskTypes)));
			}
			if (!isBlank(task.getCamundaCandidateGroups()) || !isBlank(task.getCamundaAssignee())
					|| !isBlank(task.getCamundaCandidateUsers())) {
				violations.add(violation(file, task.getId(), "assigns people itself; the routing table decides who works it"));
			}
			if (isBlank(task.getCamundaFormRef())) {
				violations.add(violation(file, task.getId(), "has no Camunda Form (camunda:formRef): people would meet "
						+ "Tasklist's generic variable form"));
			}
			else if (!task.getCamundaFormRef().contains("${") && !formIds.contains(task.getCamundaFormRef())) {
				violations.add(violation(file, task.getId(),
						"uses form '" + task.getCamundaFormRef() + "', which no form in " + FORMS + " declares"));
			}
		}
		return violations;
	}

	static List<String> mailTemplates(BpmnModelInstance model, String file, Set<String> mailTemplates) {
		List<String> violations = new ArrayList<>();
		for (BaseElement element : model.getModelElementsByType(BaseElement.class)) {
			String templateId = inputParameters(element).get("templateId");
			if (templateId != null && !templateId.contains("${") && !mailTemplates.contains(templateId)) {
				violations.add(violation(file, element.getId(), "sends mail template '" + templateId + "', which is not in "
						+ MAIL_TEMPLATES + "; there are " + new TreeSet<>(mailTemplates)));
			}
		}
		return violations;
	}

	static List<String> elementTemplateMailChoices(Collection<JsonNode> templates, Set<String> mailTemplates) {
		return templates.stream()
			.flatMap(template -> elements(template.path("properties"))
				.filter(property -> "templateId".equals(property.path("binding").path("name").asText()))
				.flatMap(property -> choices(property).stream())
				.filter(choice -> !mailTemplates.contains(choice))
				.map(choice -> violation(TEMPLATES.toString(), template.path("id").asText(),
						"offers mail template '" + choice + "', which is not in " + MAIL_TEMPLATES)))
			.toList();
	}

	static List<String> templateInputs(BpmnModelInstance model, String file, Map<String, JsonNode> templates) {
		List<String> violations = new ArrayList<>();
		for (BaseElement element : model.getModelElementsByType(BaseElement.class)) {
			String templateId = camunda(element, "modelerTemplate");
			if (templateId == null) {
				continue;
			}
			JsonNode template = templates.get(templateId);
			List<String> problems = template == null
					? List.of("uses element template '" + templateId + "', which is not in " + TEMPLATES)
					: missingOrInvalidInputs(template, boundValues(element));
			problems.forEach(problem -> violations.add(violation(file, element.getId(), problem)));
		}
		return violations;
	}

	static List<String> templateShape(String file, JsonNode template) {
		return TEMPLATE_FIELDS.entrySet()
			.stream()
			.filter(field -> !field.getValue().test(template.path(field.getKey())))
			.map(field -> violation(file, template.path("id").asText("(no id)"), "has no " + field.getKey()))
			.toList();
	}

	static List<String> beansWithoutTemplate(Collection<JsonNode> templates, Set<String> beans) {
		Set<String> templated = templates.stream()
			.flatMap(template -> elements(template.path("properties")))
			.filter(property -> "Hidden".equals(property.path("type").asText())
					&& "camunda:delegateExpression".equals(property.path("binding").path("name").asText()))
			.map(property -> property.path("value").asText())
			.collect(Collectors.toSet());
		return beans.stream()
			.filter(bean -> !templated.contains("${" + bean + "}"))
			.sorted()
			.map(bean -> violation(TEMPLATES.toString(), bean, "is a delegate bean without an element template"))
			.toList();
	}

	/** Model beans without a row in the guide's table of model beans, and rows naming a bean that is not one. */
	static List<String> undocumentedBeans(Set<String> beans, String guide) {
		Set<String> documented = new TreeSet<>();
		String table = guide.substring(Math.max(0, guide.indexOf(MODEL_BEANS_HEADING)));
		Matcher row = MODEL_BEAN_ROW.matcher(table.split("\n(?=#)", 2)[0]);
		while (row.find()) {
			documented.add(row.group(1));
		}
		List<String> violations = new ArrayList<>();
		beans.stream().filter(bean -> !documented.contains(bean)).sorted().forEach(bean -> violations
			.add(violation(GUIDE.toString(), bean, "is a model bean without a row under '" + MODEL_BEANS_HEADING + "'")));
		documented.stream().filter(bean -> !beans.contains(bean)).forEach(bean -> violations
			.add(violation(GUIDE.toString(), bean, "has a row under '" + MODEL_BEANS_HEADING + "' but is not a model bean")));
		return violations;
	}

	static List<String> processIds(BpmnModelInstance model, String file) {
		String expected = Path.of(file).getFileName().toString().replaceFirst("\\.bpmn$", "");
		List<String> violations = new ArrayList<>();
		if (!KEBAB_CASE.matcher(expected).matches()) {
			violations.add(file + ": file name is not kebab-case (lowercase words joined by dashes)");
		}
		model.getModelElementsByType(Process.class)
			.stream()
			.filter(process -> process.isExecutable() && !expected.equals(process.getId()))
			.forEach(process -> violations.add(violation(file, process.getId(), "must have the file's name as id: " + expected)));
		return violations;
	}

	private static List<String> templateFile(Path file) {
		try {
			List<JsonNode> templates = templatesIn(file);
			return templates.stream().flatMap(template -> templateShape(file.toString(), template).stream()).toList();
		}
		catch (UncheckedIOException e) {
			return List.of(file + ": is not valid JSON: " + e.getCause().getMessage());
		}
	}

	private static List<String> missingOrInvalidInputs(JsonNode template, Map<String, String> inputs) {
		String templateId = template.path("id").asText();
		return elements(template.path("properties"))
			.filter(property -> BOUND_TYPES.contains(property.path("binding").path("type").asText()))
			.flatMap(property -> {
				String name = property.path("binding").path("name").asText();
				String value = inputs.get(property.path("binding").path("type").asText() + ":" + name);
				if (property.path("constraints").path("notEmpty").asBoolean() && isBlank(value)) {
					return Stream.of("lacks input '" + name + "', which template " + templateId + " requires");
				}
				if ("Dropdown".equals(property.path("type").asText()) && value != null && !choices(property).contains(value)) {
					return Stream.of("has input " + name + "='" + value + "', not one of template " + templateId
							+ "'s choices " + choices(property));
				}
				return Stream.empty();
			})
			.toList();
	}

	private static List<String> overlaps(BpmnModelInstance model, String file) {
		List<BpmnShape> shapes = model.getModelElementsByType(BpmnShape.class)
			.stream()
			.filter(shape -> shape.getBpmnElement() instanceof FlowNode && shape.getBounds() != null)
			.toList();
		List<String> violations = new ArrayList<>();
		for (int i = 0; i < shapes.size(); i++) {
			for (int j = i + 1; j < shapes.size(); j++) {
				BpmnShape a = shapes.get(i);
				BpmnShape b = shapes.get(j);
				if (a.getParentElement() == b.getParentElement() && intersect(a.getBounds(), b.getBounds())
						&& !belongTogether((FlowNode) a.getBpmnElement(), (FlowNode) b.getBpmnElement())) {
					violations.add(violation(file, a.getBpmnElement().getId(),
							"overlaps " + b.getBpmnElement().getId() + " in the diagram"));
				}
			}
		}
		return violations;
	}

	private static boolean intersect(Bounds a, Bounds b) {
		return a.getX() < b.getX() + b.getWidth() && b.getX() < a.getX() + a.getWidth()
				&& a.getY() < b.getY() + b.getHeight() && b.getY() < a.getY() + a.getHeight();
	}

	private static boolean belongTogether(FlowNode a, FlowNode b) {
		return attachedTo(a, b) || attachedTo(b, a) || isInside(a, b) || isInside(b, a);
	}

	private static boolean attachedTo(FlowNode event, FlowNode host) {
		return event instanceof BoundaryEvent boundary && boundary.getAttachedTo() == host;
	}

	private static boolean isInside(ModelElementInstance element, ModelElementInstance container) {
		for (ModelElementInstance parent = element.getParentElement(); parent != null; parent = parent.getParentElement()) {
			if (parent == container) {
				return true;
			}
		}
		return false;
	}

	private static <D extends ModelElementInstance> Set<String> idsOfDiagramElements(BpmnModelInstance model,
			Class<D> type, Function<D, BaseElement> element) {
		return model.getModelElementsByType(type)
			.stream()
			.map(element)
			.filter(Objects::nonNull)
			.map(BaseElement::getId)
			.collect(Collectors.toSet());
	}

	private static Stream<ModelElementInstance> wiredElements(BpmnModelInstance model) {
		return Stream.of(BaseElement.class, CamundaExecutionListener.class, CamundaTaskListener.class)
			.flatMap(type -> model.getModelElementsByType(type).stream());
	}

	private static Stream<Task> delegateTasks(BpmnModelInstance model) {
		return model.getModelElementsByType(Task.class)
			.stream()
			.filter(task -> task instanceof ServiceTask || task instanceof SendTask
					|| task instanceof BusinessRuleTask rule && rule.getCamundaDecisionRef() == null);
	}

	private static String camunda(ModelElementInstance element, String attribute) {
		return CAMUNDA_NS.equals(element.getElementType().getTypeNamespace()) ? element.getAttributeValue(attribute)
				: element.getAttributeValueNs(CAMUNDA_NS, attribute);
	}

	private static String ownerId(ModelElementInstance element) {
		ModelElementInstance owner = element;
		while (owner != null && !(owner instanceof BaseElement)) {
			owner = owner.getParentElement();
		}
		return owner == null ? "(definitions)" : ((BaseElement) owner).getId();
	}

	/** The values an element template can bind, keyed by binding type and name ({@code camunda:property:taskType}). */
	private static Map<String, String> boundValues(BaseElement element) {
		Map<String, String> values = new TreeMap<>();
		inputParameters(element).forEach((name, value) -> values.put("camunda:inputParameter:" + name, value));
		camundaProperties(element).forEach((name, value) -> values.put("camunda:property:" + name, value));
		return values;
	}

	private static Map<String, String> camundaProperties(BaseElement element) {
		if (element.getExtensionElements() == null) {
			return Map.of();
		}
		return element.getExtensionElements()
			.getElementsQuery()
			.filterByType(CamundaProperties.class)
			.list()
			.stream()
			.flatMap(properties -> properties.getCamundaProperties().stream())
			.filter(property -> property.getCamundaName() != null && property.getCamundaValue() != null)
			.collect(Collectors.toMap(CamundaProperty::getCamundaName, CamundaProperty::getCamundaValue,
					(first, last) -> last));
	}

	/** The task types the routing table's rules name (its taskType input's entries). */
	private static Set<String> routedTaskTypes() {
		DmnModelInstance routing = Dmn.readModelFromFile(ROUTING.toFile());
		DecisionTable table = routing.getModelElementsByType(DecisionTable.class).iterator().next();
		int column = table.getInputs().stream().map(input -> input.getInputExpression().getText().getTextContent().strip())
			.toList()
			.indexOf("taskType");
		Set<String> types = new TreeSet<>();
		for (Rule rule : table.getRules()) {
			Matcher quoted = QUOTED.matcher(rule.getInputEntries().stream().toList().get(column).getText().getTextContent());
			while (quoted.find()) {
				types.add(quoted.group(1));
			}
		}
		return types;
	}

	private static Set<String> mailTemplateIds() {
		return files(MAIL_TEMPLATES, "en.html").stream()
			.map(file -> file.getParent().getFileName().toString())
			.collect(Collectors.toSet());
	}

	private static Map<String, String> inputParameters(BaseElement element) {
		if (element.getExtensionElements() == null) {
			return Map.of();
		}
		return element.getExtensionElements()
			.getElementsQuery()
			.filterByType(CamundaInputOutput.class)
			.list()
			.stream()
			.flatMap(inputOutput -> inputOutput.getCamundaInputParameters().stream())
			.collect(Collectors.toMap(CamundaInputParameter::getCamundaName, input -> input.getTextContent().strip(),
					(first, last) -> last));
	}

	private static List<String> choices(JsonNode property) {
		return elements(property.path("choices")).map(choice -> choice.path("value").asText()).toList();
	}

	private Set<String> reachableBeans() {
		var configuration = (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
		return configuration.getBeans().keySet().stream().map(String::valueOf).collect(Collectors.toSet());
	}

	private static Set<String> formIds() {
		return files(FORMS, ".form").stream().map(form -> readJson(form).path("id").asText()).collect(Collectors.toSet());
	}

	private static Map<String, JsonNode> templatesById() {
		return templateFiles().stream()
			.flatMap(file -> templatesIn(file).stream())
			.collect(Collectors.toMap(template -> template.path("id").asText(), Function.identity(), (first, last) -> last));
	}

	private static List<Path> templateFiles() {
		return files(TEMPLATES, ".json");
	}

	private static List<JsonNode> templatesIn(Path file) {
		JsonNode root = readJson(file);
		return root.isArray() ? elements(root).toList() : List.of(root);
	}

	private static List<String> inEveryBpmnFile(BiFunction<BpmnModelInstance, String, List<String>> check) {
		List<Path> files = modelFiles(".bpmn");
		assertThat(files).as("BPMN files in %s", PROCESSES.toAbsolutePath()).isNotEmpty();
		return inEvery(files, Bpmn::readModelFromFile, check);
	}

	private static <M> List<String> inEvery(List<Path> files, Function<File, M> reader,
			BiFunction<M, String, List<String>> check) {
		return files.stream().flatMap(file -> check.apply(reader.apply(file.toFile()), file.toString()).stream()).toList();
	}

	private static List<Path> modelFiles(String suffix) {
		return files(PROCESSES, suffix).stream().filter(file -> !PROCESSES.relativize(file).toString().startsWith(".")).toList();
	}

	private static List<Path> files(Path folder, String suffix) {
		if (!Files.isDirectory(folder)) {
			return List.of();
		}
		try (Stream<Path> files = Files.walk(folder)) {
			return files.filter(Files::isRegularFile).filter(file -> file.toString().endsWith(suffix)).sorted().toList();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static JsonNode readJson(Path file) {
		try {
			return JSON.readTree(file.toFile());
		}
		catch (IOException e) {
			throw new UncheckedIOException(file + ": " + e.getMessage(), e);
		}
	}

	private static Stream<JsonNode> elements(JsonNode array) {
		return StreamSupport.stream(array.spliterator(), false);
	}

	private static boolean isBlank(String value) {
		return value == null || value.isBlank();
	}

	private static String violation(String file, String elementId, String problem) {
		return file + ": " + elementId + " " + problem;
	}

	private static void assertReports(List<String> violations, String fragment) {
		assertThat(violations).as("violations naming %s", fragment).anyMatch(violation -> violation.contains(fragment));
	}

	private static BpmnModelInstance brokenModel() {
		BpmnModelInstance model = Bpmn.createExecutableProcess("Broken_Process")
			.camundaHistoryTimeToLiveString(null)
			.startEvent()
			.name("Something happened")
			.exclusiveGateway("Gateway_Unnamed")
			.serviceTask("ServiceTask_ByClass")
			.name("Do something")
			.camundaClass("io.touchpoints.Anything")
			.userTask("UserTask_Nobody")
			.name("Check something")
			.camundaFormRef("no-such-form")
			.endEvent("EndEvent_Done")
			.name("Something done")
			.moveToNode("Gateway_Unnamed")
			.serviceTask("ServiceTask_UnknownBean")
			.name("Send something")
			.camundaDelegateExpression("${noSuchBean}")
			.camundaInputParameter("templateId", "no-such-mail-template")
			.connectTo("EndEvent_Done")
			.done();
		model.getModelElementById("ServiceTask_ByClass").setAttributeValueNs(CAMUNDA_NS, "modelerTemplate", "io.touchpoints.NoSuchTemplate");
		model.getModelElementById("ServiceTask_UnknownBean").setAttributeValueNs(CAMUNDA_NS, "modelerTemplate", "io.touchpoints.SendEmail");
		Bounds byClass = shapeOf(model, "ServiceTask_ByClass").getBounds();
		Bounds nobody = shapeOf(model, "UserTask_Nobody").getBounds();
		nobody.setX(byClass.getX() + 10);
		nobody.setY(byClass.getY() + 10);
		return model;
	}

	private static BpmnShape shapeOf(BpmnModelInstance model, String elementId) {
		return model.getModelElementsByType(BpmnShape.class)
			.stream()
			.filter(shape -> elementId.equals(shape.getBpmnElement().getId()))
			.findFirst()
			.orElseThrow();
	}

	private static DmnModelInstance decisionWithoutHistoryTimeToLive() {
		String dmn = """
				<definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="Definitions_Broken" name="Broken"
				             namespace="https://touchpoints.io/dmn">
				  <decision id="Decision_Broken" name="Decide something">
				    <literalExpression><text>"yes"</text></literalExpression>
				  </decision>
				</definitions>""";
		return Dmn.readModelFromStream(new ByteArrayInputStream(dmn.getBytes(StandardCharsets.UTF_8)));
	}

}
