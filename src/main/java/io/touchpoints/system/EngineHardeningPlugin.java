package io.touchpoints.system;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.spring.SpringExpressionManager;
import org.springframework.context.ApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Defence in depth for an engine that gets no more security patches: expressions reach only delegate beans,
 * ad-hoc queries may not carry expressions, and deployments that contain scripts are refused.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class EngineHardeningPlugin extends AbstractProcessEnginePlugin {

	private final ApplicationContext applicationContext;

	EngineHardeningPlugin(ApplicationContext applicationContext) {
		this.applicationContext = applicationContext;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		DelegateBeans delegateBeans = new DelegateBeans(applicationContext);
		configuration.setBeans(delegateBeans);
		// The Spring factory bean already built an expression manager over the whole context; replace it.
		configuration.setExpressionManager(new SpringExpressionManager(applicationContext, delegateBeans));
		configuration.setEnableExpressionsInAdhocQueries(false);
		List<Deployer> preDeployers = new ArrayList<>();
		preDeployers.add(new ScriptFreeDeploymentGuard());
		if (configuration.getCustomPreDeployers() != null) {
			preDeployers.addAll(configuration.getCustomPreDeployers());
		}
		configuration.setCustomPreDeployers(preDeployers);
	}

}
