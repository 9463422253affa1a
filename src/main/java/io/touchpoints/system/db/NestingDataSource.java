package io.touchpoints.system.db;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;

import javax.sql.DataSource;

/**
 * One data source over two pools. A thread's first connection comes from the main pool; a connection it asks for
 * while it still holds one (a transaction of its own inside a job's, {@code REQUIRES_NEW}) comes from the nested
 * pool. So nobody holding a main connection ever waits for another main connection, and nobody holding a nested
 * one asks for more: no thread can wait on itself or on a circle of others, however busy the day.
 * A third connection on one thread has no pool to come from and is refused: that code must not nest twice.
 */
public final class NestingDataSource implements DataSource, AutoCloseable {

	private static final ThreadLocal<AtomicInteger> HELD = ThreadLocal.withInitial(AtomicInteger::new);

	private final DataSource main;

	private final DataSource nested;

	public NestingDataSource(DataSource main, DataSource nested) {
		this.main = main;
		this.nested = nested;
	}

	public DataSource main() {
		return main;
	}

	public DataSource nested() {
		return nested;
	}

	@Override
	public Connection getConnection() throws SQLException {
		AtomicInteger held = HELD.get();
		if (held.get() >= 2) {
			throw new SQLException("A third connection on one thread: a transaction of its own inside another one's "
					+ "own transaction. Touchpoints nests transactions at most once (see NestingDataSource).");
		}
		Connection connection = (held.get() == 0 ? main : nested).getConnection();
		held.incrementAndGet();
		return counted(connection, held);
	}

	@Override
	public Connection getConnection(String username, String password) throws SQLException {
		throw new SQLFeatureNotSupportedException("Connections come from the configured pools");
	}

	/** The connection, which gives its place back to the thread that opened it when it is closed, once. */
	private static Connection counted(Connection connection, AtomicInteger held) {
		AtomicBoolean open = new AtomicBoolean(true);
		return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] { Connection.class },
				(proxy, method, arguments) -> {
					if ("close".equals(method.getName()) && method.getParameterCount() == 0 && open.compareAndSet(true, false)) {
						held.decrementAndGet();
					}
					else if ("unwrap".equals(method.getName()) && arguments[0] == Connection.class) {
						return proxy;
					}
					try {
						return method.invoke(connection, arguments);
					}
					catch (InvocationTargetException e) {
						throw e.getCause();
					}
				});
	}

	@Override
	public PrintWriter getLogWriter() throws SQLException {
		return main.getLogWriter();
	}

	@Override
	public void setLogWriter(PrintWriter out) throws SQLException {
		main.setLogWriter(out);
	}

	@Override
	public void setLoginTimeout(int seconds) throws SQLException {
		main.setLoginTimeout(seconds);
	}

	@Override
	public int getLoginTimeout() throws SQLException {
		return main.getLoginTimeout();
	}

	@Override
	public Logger getParentLogger() throws SQLFeatureNotSupportedException {
		return main.getParentLogger();
	}

	@Override
	@SuppressWarnings("unchecked")
	public <T> T unwrap(Class<T> type) throws SQLException {
		if (type.isInstance(this)) {
			return (T) this;
		}
		return main.unwrap(type);
	}

	@Override
	public boolean isWrapperFor(Class<?> type) throws SQLException {
		return type.isInstance(this) || main.isWrapperFor(type);
	}

	@Override
	public void close() throws Exception {
		for (DataSource pool : new DataSource[] { nested, main }) {
			if (pool instanceof AutoCloseable closeable) {
				closeable.close();
			}
		}
	}

}
