package io.touchpoints.process;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** The folder of models deployed at start-up ({@code touchpoints.processes-dir}). */
@ConfigurationProperties("touchpoints")
public record ModelSettings(@DefaultValue("processes") Path processesDir) {
}
