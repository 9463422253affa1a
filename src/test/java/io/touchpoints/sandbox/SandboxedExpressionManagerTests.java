package io.touchpoints.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.UUID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.el.CommandContextFunctions;
import org.camunda.bpm.engine.impl.el.DateTimeFunctions;
import org.camunda.bpm.impl.juel.ExpressionFactoryImpl;
import org.camunda.bpm.impl.juel.SimpleContext;
import org.camunda.bpm.impl.juel.jakarta.el.BeanELResolver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.util.ReflectionUtils;

/**
 * The sandbox at the level of the expression language: what the engine's stock resolvers would let a model do,
 * and what the sandboxed resolvers do with the same expression. The whole engine is exercised by
 * {@code ExpressionSandboxIT}.
 */
class SandboxedExpressionManagerTests {

	static final String SECRET = "secret-" + UUID.randomUUID();

	@TempDir
	Path folder;

	@BeforeAll
	static void storeSecret() {
		System.setProperty(Payload.SECRET_PROPERTY, SECRET);
	}

	@AfterAll
	static void removeSecret() {
		System.clearProperty(Payload.SECRET_PROPERTY);
	}

	@Test
	void theAttacksWorkAgainstTheStockBeanResolver() throws Exception {
		Path written = folder.resolve("written");
		Path touched = folder.resolve("touched");

		assertThat(stock(Payload.READS_SECRET.expression(null))).isEqualTo(SECRET);
		assertThat(stock(Payload.WRITES_FILE.expression(written))).isEqualTo(true);
		assertThat(stock(Payload.RUNS_PROGRAM.expression(touched))).isEqualTo(0);
		assertThat(written).exists();
		assertThat(touched).exists();
	}

	@Test
	void refusesTheAttacksAndNamesWhatIsAllowed() {
		SandboxedExpressionManager manager = manager(new GenericApplicationContext());
		Path written = folder.resolve("written");
		Path touched = folder.resolve("touched");

		for (String attack : new String[] { Payload.READS_SECRET.expression(null), Payload.WRITES_FILE.expression(written),
				Payload.RUNS_PROGRAM.expression(touched), "${''.class}", "${'x'.getBytes()}" }) {
			assertThatThrownBy(() -> evaluate(manager, attack)).isInstanceOf(ExpressionRefusedException.class)
				.hasMessageContaining("java.lang.String")
				.hasMessageContaining("What an expression may use")
				.hasMessageNotContaining(SECRET);
		}
		assertThat(written).doesNotExist();
		assertThat(touched).doesNotExist();
	}

	@Test
	void keepsOperatorsLiteralsAndTheDocumentedFunctions() {
		SandboxedExpressionManager manager = manager(new GenericApplicationContext());
		manager.addFunction(DateTimeFunctions.NOW, ReflectionUtils.findMethod(DateTimeFunctions.class, DateTimeFunctions.NOW));
		manager.addFunction(DateTimeFunctions.DATE_TIME, ReflectionUtils.findMethod(DateTimeFunctions.class, DateTimeFunctions.DATE_TIME));
		manager.addFunction(CommandContextFunctions.CURRENT_USER,
				ReflectionUtils.findMethod(CommandContextFunctions.class, CommandContextFunctions.CURRENT_USER));

		assertThat(evaluate(manager, "${1 + 2 * 3 == 7 and not empty 'x' ? 'yes' : 'no'}")).isEqualTo("yes");
		assertThat(evaluate(manager, "${now()}")).isInstanceOf(java.util.Date.class);
		assertThat(evaluate(manager, "${currentUser()}")).isNull();
		assertThatThrownBy(() -> manager.createValueExpression("${dateTime()}")).hasMessageContaining("dateTime");
	}

	@Test
	void callsAModelBeansOwnMethodsOnlyNeverItsProxysOrObjects() {
		GenericApplicationContext context = new GenericApplicationContext();
		ProxyFactory proxy = new ProxyFactory(new GreetingDelegate());
		proxy.setProxyTargetClass(true);
		context.registerBean("greetingDelegate", GreetingDelegate.class, () -> (GreetingDelegate) proxy.getProxy());
		context.registerBean("hiddenDelegate", HiddenDelegate.class, HiddenDelegate::new);
		context.refresh();
		SandboxedExpressionManager manager = manager(context);

		assertThat(evaluate(manager, "${greetingDelegate.greet('Ana')}")).isEqualTo("Hello Ana");
		for (String reach : new String[] { "${greetingDelegate.getClass()}", "${greetingDelegate.hashCode()}",
				"${greetingDelegate.targetSource}", "${greetingDelegate.getTargetSource()}", "${greetingDelegate.isFrozen()}",
				"${greetingDelegate.getCallbacks()}", "${greetingDelegate.greet('Ana').getBytes()}" }) {
			assertThatThrownBy(() -> evaluate(manager, reach)).as(reach).isInstanceOf(ExpressionRefusedException.class);
		}
		assertThatThrownBy(() -> evaluate(manager, "${hiddenDelegate}")).hasMessageContaining("hiddenDelegate");
	}

	@Test
	void givesDmnNoJuel() {
		SandboxedExpressionManager manager = manager(new GenericApplicationContext());

		assertThatThrownBy(() -> manager.toElProvider().createExpression("${''.getClass()}"))
			.isInstanceOf(ExpressionRefusedException.class)
			.hasMessageContaining("FEEL only");
	}

	private static Object stock(String expression) {
		ExpressionFactoryImpl factory = new ExpressionFactoryImpl();
		SimpleContext context = new SimpleContext(new BeanELResolver());
		return factory.createValueExpression(context, expression, Object.class).getValue(context);
	}

	private static Object evaluate(SandboxedExpressionManager manager, String expression) {
		return manager.createValueExpression(expression).getValue(manager.getElContext(null));
	}

	private static SandboxedExpressionManager manager(GenericApplicationContext context) {
		if (!context.isActive()) {
			context.refresh();
		}
		return new SandboxedExpressionManager(new ModelBeans(context));
	}

	/** A model bean with a public method of its own. */
	@ModelBean
	static class GreetingDelegate implements JavaDelegate {

		public String greet(String name) {
			return "Hello " + name;
		}

		@Override
		public void execute(DelegateExecution execution) {
		}

	}

	/** A delegate bean that is not marked for models. */
	static class HiddenDelegate implements JavaDelegate {

		@Override
		public void execute(DelegateExecution execution) {
		}

	}

}
