package io.touchpoints.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * The whole service on a random port: real engine, real database (H2, or PostgreSQL with -Ppostgres),
 * real HTTP, and the engine clock on a Monday morning ({@link EngineTime}). All tests share one application
 * context, so the engine starts once per test run.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(EngineTime.class)
@Import({ TestUsers.class, Jobs.class, Api.class, TestModels.class, Customers.class })
public @interface IntegrationTest {
}
