package io.touchpoints.bench;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs a list of work items on a fixed number of threads that take the next item from a shared queue, and
 * measures the wall time of the whole run and the latency of each item. The first failure stops every thread
 * and is rethrown.
 */
public final class Parallel {

	private Parallel() {
	}

	@FunctionalInterface
	public interface Work<T> {

		void run(T item) throws Exception;

	}

	/** What a run took: its wall time and every item's latency, in nanoseconds. */
	public record Run(long wallNanos, long[] latencyNanos) {

		public double seconds() {
			return wallNanos / 1e9;
		}

		public double perSecond(long units) {
			return units / seconds();
		}

		/** Nearest-rank percentile in milliseconds, {@code p} from 0 to 100. */
		public double percentileMillis(double p) {
			long[] sorted = latencyNanos.clone();
			Arrays.sort(sorted);
			int rank = (int) Math.ceil(p / 100.0 * sorted.length);
			return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1e6;
		}

		public double maxMillis() {
			return Arrays.stream(latencyNanos).max().orElse(0) / 1e6;
		}

		/** Two runs as one: their wall times added, their latencies together. */
		public Run plus(Run other) {
			long[] latencies = Arrays.copyOf(latencyNanos, latencyNanos.length + other.latencyNanos.length);
			System.arraycopy(other.latencyNanos, 0, latencies, latencyNanos.length, other.latencyNanos.length);
			return new Run(wallNanos + other.wallNanos, latencies);
		}

	}

	public static <T> Run run(int threads, List<T> items, Work<T> work) throws Exception {
		long[] latencies = new long[items.size()];
		AtomicInteger next = new AtomicInteger();
		AtomicReference<Throwable> failure = new AtomicReference<>();
		CountDownLatch ready = new CountDownLatch(threads);
		CountDownLatch go = new CountDownLatch(1);
		CountDownLatch done = new CountDownLatch(threads);
		for (int t = 0; t < threads; t++) {
			Thread thread = new Thread(() -> {
				try {
					ready.countDown();
					go.await();
					for (int i = next.getAndIncrement(); i < items.size() && failure.get() == null; i = next.getAndIncrement()) {
						long start = System.nanoTime();
						work.run(items.get(i));
						latencies[i] = System.nanoTime() - start;
					}
				}
				catch (Throwable e) {
					failure.compareAndSet(null, e);
				}
				finally {
					done.countDown();
				}
			}, "bench-worker-" + t);
			thread.setDaemon(true);
			thread.start();
		}
		ready.await();
		long start = System.nanoTime();
		go.countDown();
		done.await();
		long wall = System.nanoTime() - start;
		if (failure.get() != null) {
			Throwable e = failure.get();
			throw e instanceof Exception exception ? exception : new RuntimeException(e);
		}
		return new Run(wall, latencies);
	}

}
