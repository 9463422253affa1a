package io.touchpoints.bench;

import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.util.Locale;
import java.util.concurrent.Callable;

import com.sun.management.OperatingSystemMXBean;

/**
 * CPU spent during a leg of a benchmark: this JVM's (server, clients, garbage collection) and that of the PostgreSQL
 * processes on this machine (zero on H2), read from /proc. On a machine whose cores every leg keeps busy, legs run at
 * rates in the inverse ratio of their CPU per unit of work.
 */
public final class CpuMeter {

	private static final double MILLIS_PER_TICK = 1000.0 / 100; // USER_HZ, 100 on Linux

	private long jvmNanos;

	private long postgresTicks;

	public <T> T measure(Callable<T> leg) throws Exception {
		long jvm = jvmNanos();
		long postgres = postgresTicks();
		T result = leg.call();
		jvmNanos = jvmNanos() - jvm;
		postgresTicks = postgresTicks() - postgres;
		return result;
	}

	/** The CPU of the last measured leg per unit of work, in words. */
	public String per(int units) {
		return String.format(Locale.ROOT, "JVM %.1f ms + PostgreSQL %.1f ms", jvmNanos / 1e6 / units,
				postgresTicks * MILLIS_PER_TICK / units);
	}

	private static long jvmNanos() {
		return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
	}

	private static long postgresTicks() {
		long ticks = 0;
		File[] processes = new File("/proc").listFiles((dir, name) -> name.chars().allMatch(Character::isDigit));
		for (File process : processes == null ? new File[0] : processes) {
			try {
				String stat = Files.readString(process.toPath().resolve("stat"));
				if (stat.contains("(postgres)")) {
					String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
					ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime
				}
			}
			catch (IOException | RuntimeException gone) {
				// A process that ended meanwhile.
			}
		}
		return ticks;
	}

}
