package io.touchpoints.sandbox;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.variable.serializer.JavaObjectSerializer;
import org.camunda.bpm.engine.impl.variable.serializer.TypedValueSerializer;
import org.camunda.bpm.engine.impl.variable.serializer.VariableSerializers;
import org.springframework.context.ApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Puts every model in the sandbox: expressions resolved by {@link SandboxedExpressionManager}, no script engine,
 * no CMMN, DMN in FEEL only and FEEL given plain values only ({@link PlainFeelValues}), deployments checked by {@link DeploymentGuard}, and no Java object in a variable
 * (Java serialization off, no class allowed for deserialization, no {@code Object} type from clients, no new
 * serialized value: {@link JavaObjectsRefused}).
 * Runs after the starter's configuration, so no property can turn any of it off.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class SandboxPlugin extends AbstractProcessEnginePlugin {

	private final ApplicationContext applicationContext;

	SandboxPlugin(ApplicationContext applicationContext) {
		this.applicationContext = applicationContext;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		ModelBeans modelBeans = new ModelBeans(applicationContext);
		configuration.setBeans(modelBeans);
		// The Spring factory bean already built an expression manager over the whole context; replace it.
		configuration.setExpressionManager(new SandboxedExpressionManager(modelBeans));
		configuration.setEnableExpressionsInAdhocQueries(false);
		configuration.setScriptEngineResolver(new NoScriptEngines());
		configuration.setEnableFetchScriptEngineFromProcessApplication(false);
		configuration.setCmmnEnabled(false);
		configuration.setDmnFeelEnableLegacyBehavior(false);
		DefaultDmnEngineConfiguration dmn = (DefaultDmnEngineConfiguration) DmnEngineConfiguration
			.createDefaultDmnEngineConfiguration();
		dmn.setFeelEngineFactory(new SandboxedFeelEngineFactory(dmn));
		configuration.setDmnEngineConfiguration(dmn);
		configuration.setJavaSerializationFormatEnabled(false);
		configuration.setDeserializationTypeValidationEnabled(true);
		configuration.setDeserializationTypeValidator(new NoJavaObjects());
		configuration.setValueTypeResolver(new PlainValueTypes());
		// There are no process applications; the fallback for them would hide a failing priority expression.
		configuration.setEnableGracefulDegradationOnContextSwitchFailure(false);
		List<Deployer> preDeployers = new ArrayList<>();
		preDeployers.add(new DeploymentGuard());
		if (configuration.getCustomPreDeployers() != null) {
			preDeployers.addAll(configuration.getCustomPreDeployers());
		}
		configuration.setCustomPreDeployers(preDeployers);
	}

	@Override
	public void postInit(ProcessEngineConfigurationImpl configuration) {
		VariableSerializers serializers = configuration.getVariableSerializers();
		TypedValueSerializer<?> javaSerializer = serializers.getSerializerByName(JavaObjectSerializer.NAME);
		serializers.addSerializer(new JavaObjectsRefused(javaSerializer), serializers.getSerializerIndex(javaSerializer));
	}

}
