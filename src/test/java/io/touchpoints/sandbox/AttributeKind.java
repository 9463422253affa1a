package io.touchpoints.sandbox;

import java.util.function.BiFunction;
import java.util.function.Consumer;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.builder.ProcessBuilder;
import org.camunda.bpm.model.bpmn.builder.StartEventBuilder;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.MessageEventDefinition;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaIn;

/**
 * Every kind of model attribute the engine evaluates as an expression, each as a process that evaluates the given
 * expression there when it is deployed or started.
 */
enum AttributeKind {

	START_TIMER_DATE((process, attack) -> process.startEvent().timerWithDate(attack).endEvent().done()),
	START_TIMER_DURATION((process, attack) -> process.startEvent().timerWithDuration(attack).endEvent().done()),
	START_TIMER_CYCLE((process, attack) -> process.startEvent().timerWithCycle(attack).endEvent().done()),
	INTERMEDIATE_TIMER_DATE((process, attack) -> start(process).intermediateCatchEvent().timerWithDate(attack).endEvent().done()),
	INTERMEDIATE_TIMER_DURATION((process, attack) -> start(process).intermediateCatchEvent().timerWithDuration(attack).endEvent().done()),
	INTERMEDIATE_TIMER_CYCLE((process, attack) -> start(process).intermediateCatchEvent().timerWithCycle(attack).endEvent().done()),
	BOUNDARY_TIMER((process, attack) -> start(process).userTask("Task").name("Work").boundaryEvent().timerWithDuration(attack)
		.endEvent().moveToActivity("Task").endEvent().done()),
	SEQUENCE_FLOW_CONDITION((process, attack) -> start(process).exclusiveGateway("Gateway").condition("Attacked", attack)
		.endEvent().moveToNode("Gateway").endEvent().done()),
	SERVICE_TASK_EXPRESSION((process, attack) -> start(process).serviceTask().camundaExpression(attack).endEvent().done()),
	RESULT_VARIABLE((process, attack) -> start(process).serviceTask().camundaExpression(attack).camundaResultVariable("result")
		.endEvent().done()),
	ASYNC_SERVICE_TASK_EXPRESSION((process, attack) -> start(process).serviceTask().camundaAsyncBefore()
		.camundaExpression(attack).endEvent().done()),
	JOB_PRIORITY((process, attack) -> start(process).serviceTask().camundaAsyncBefore().camundaJobPriority(attack)
		.camundaExpression("${true}").endEvent().done()),
	EXECUTION_LISTENER((process, attack) -> process.startEvent().camundaExecutionListenerExpression("start", attack)
		.endEvent().done()),
	TASK_LISTENER((process, attack) -> start(process).userTask().name("Work").camundaTaskListenerExpression("create", attack)
		.endEvent().done()),
	INPUT_PARAMETER((process, attack) -> start(process).manualTask().camundaInputParameter("x", attack).endEvent().done()),
	OUTPUT_PARAMETER((process, attack) -> start(process).manualTask().camundaOutputParameter("x", attack).endEvent().done()),
	DUE_DATE((process, attack) -> start(process).userTask().name("Work").camundaDueDate(attack).endEvent().done()),
	FOLLOW_UP_DATE((process, attack) -> start(process).userTask().name("Work").camundaFollowUpDate(attack).endEvent().done()),
	PRIORITY((process, attack) -> start(process).userTask().name("Work").camundaPriority(attack).endEvent().done()),
	CANDIDATE_USERS((process, attack) -> start(process).userTask().name("Work").camundaCandidateUsers(attack).endEvent().done()),
	CANDIDATE_GROUPS((process, attack) -> start(process).userTask().name("Work").camundaCandidateGroups(attack).endEvent().done()),
	ASSIGNEE((process, attack) -> start(process).userTask().name("Work").camundaAssignee(attack).endEvent().done()),
	CALLED_ELEMENT((process, attack) -> start(process).callActivity().calledElement(attack).endEvent().done()),
	CALL_INPUT_SOURCE_EXPRESSION((process, attack) -> callWith(process, in -> {
		in.setCamundaSourceExpression(attack);
		in.setCamundaTarget("x");
	})),
	CALL_BUSINESS_KEY((process, attack) -> callWith(process, in -> in.setCamundaBusinessKey(attack))),
	MESSAGE_CATCH((process, attack) -> start(process).intermediateCatchEvent().message(attack).endEvent().done()),
	RECEIVE_TASK((process, attack) -> start(process).receiveTask().message(attack).endEvent().done()),
	MESSAGE_THROW((process, attack) -> {
		BpmnModelInstance model = start(process).intermediateThrowEvent().messageEventDefinition("Throw").message("Sent")
			.messageEventDefinitionDone().endEvent().done();
		model.<MessageEventDefinition>getModelElementById("Throw").setCamundaExpression(attack);
		return model;
	}),
	SIGNAL_CATCH((process, attack) -> start(process).intermediateCatchEvent().signal(attack).endEvent().done()),
	SIGNAL_THROW((process, attack) -> start(process).intermediateThrowEvent().signal(attack).endEvent().done()),
	CONDITIONAL_EVENT((process, attack) -> start(process).intermediateCatchEvent().conditionalEventDefinition().condition(attack)
		.conditionalEventDefinitionDone().endEvent().done()),
	LOOP_CARDINALITY((process, attack) -> start(process).manualTask().multiInstance().cardinality(attack).multiInstanceDone()
		.endEvent().done()),
	LOOP_COLLECTION((process, attack) -> start(process).manualTask().multiInstance().camundaCollection(attack)
		.camundaElementVariable("item").multiInstanceDone().endEvent().done()),
	LOOP_COMPLETION_CONDITION((process, attack) -> start(process).manualTask().multiInstance().cardinality("1")
		.completionCondition(attack).multiInstanceDone().endEvent().done()),
	DECISION_REF((process, attack) -> start(process).businessRuleTask().camundaDecisionRef(attack).endEvent().done()),
	EXTERNAL_TASK_TOPIC((process, attack) -> start(process).serviceTask().camundaExternalTask(attack).endEvent().done());

	/** The process a call activity calls; {@code ExpressionSandboxIT} deploys it. */
	static final String CALLEE = "sandbox-callee";

	private final BiFunction<ProcessBuilder, String, BpmnModelInstance> model;

	AttributeKind(BiFunction<ProcessBuilder, String, BpmnModelInstance> model) {
		this.model = model;
	}

	String processKey() {
		return "attack-" + name().toLowerCase().replace('_', '-');
	}

	String model(String attack) {
		return Bpmn.convertToString(model.apply(Bpmn.createExecutableProcess(processKey()).camundaHistoryTimeToLive(1), attack));
	}

	private static StartEventBuilder start(ProcessBuilder process) {
		return process.startEvent();
	}

	private static BpmnModelInstance callWith(ProcessBuilder process, Consumer<CamundaIn> mapping) {
		BpmnModelInstance model = start(process).callActivity("Call").calledElement(CALLEE).endEvent().done();
		CallActivity call = model.getModelElementById("Call");
		ExtensionElements extensions = model.newInstance(ExtensionElements.class);
		CamundaIn in = model.newInstance(CamundaIn.class);
		mapping.accept(in);
		extensions.addChildElement(in);
		call.setExtensionElements(extensions);
		return model;
	}

}
