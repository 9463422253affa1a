package io.touchpoints;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Touchpoints: customer-lifecycle journeys on an embedded Camunda 7 engine. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class TouchpointsApplication {

	public static void main(String[] args) {
		SpringApplication.run(TouchpointsApplication.class, args);
	}

}
