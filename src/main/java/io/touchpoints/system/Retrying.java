package io.touchpoints.system;

import java.util.List;
import java.util.function.Supplier;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;

/**
 * Runs a transactional operation again when it lost a race with a concurrent request or node doing the same
 * (a unique key or a version check); the next attempt sees the winner's row.
 */
public final class Retrying {

	private static final int ATTEMPTS = 3;

	private static final List<Class<? extends RuntimeException>> LOST_RACES = List
		.of(DataIntegrityViolationException.class, OptimisticLockingFailureException.class);

	private Retrying() {
	}

	@SafeVarargs
	public static <T> T onConcurrentWrite(Supplier<T> operation, Class<? extends RuntimeException>... alsoLostRaces) {
		for (int attempt = 1;; attempt++) {
			try {
				return operation.get();
			}
			catch (RuntimeException e) {
				if (attempt == ATTEMPTS || !(isA(e, LOST_RACES) || isA(e, List.of(alsoLostRaces)))) {
					throw e;
				}
			}
		}
	}

	private static boolean isA(RuntimeException e, List<Class<? extends RuntimeException>> types) {
		return types.stream().anyMatch(type -> type.isInstance(e));
	}

}
