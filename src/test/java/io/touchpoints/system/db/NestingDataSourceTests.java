package io.touchpoints.system.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class NestingDataSourceTests {

	private final String url = "jdbc:h2:mem:nesting-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";

	private final HikariDataSource main = pool("main");

	private final HikariDataSource nested = pool("nested");

	private final NestingDataSource dataSource = new NestingDataSource(main, nested);

	@AfterEach
	void close() throws Exception {
		dataSource.close();
	}

	@Test
	void aConnectionAskedForWhileHoldingOneComesFromTheNestedPoolWithoutWaiting() throws SQLException {
		try (Connection outer = dataSource.getConnection(); Connection inner = dataSource.getConnection()) {
			assertThat(main.getHikariPoolMXBean().getActiveConnections()).isOne();
			assertThat(nested.getHikariPoolMXBean().getActiveConnections()).isOne();
			assertThat(outer.isValid(1) && inner.isValid(1)).isTrue();
		}
		assertThat(main.getHikariPoolMXBean().getActiveConnections()).isZero();
		assertThat(nested.getHikariPoolMXBean().getActiveConnections()).isZero();
	}

	@Test
	void aThirdConnectionOnOneThreadIsRefusedNamingTheRule() throws SQLException {
		try (Connection outer = dataSource.getConnection(); Connection inner = dataSource.getConnection()) {
			assertThatThrownBy(dataSource::getConnection).hasMessageContaining("nests transactions at most once");
		}
	}

	@Test
	void closingTwiceGivesThePlaceBackOnce() throws SQLException {
		Connection outer = dataSource.getConnection();
		outer.close();
		outer.close();
		try (Connection first = dataSource.getConnection(); Connection second = dataSource.getConnection()) {
			assertThat(main.getHikariPoolMXBean().getActiveConnections()).isOne();
			assertThat(nested.getHikariPoolMXBean().getActiveConnections()).isOne();
		}
	}

	@Test
	void anotherThreadGetsTheMainPoolAgain() throws Exception {
		AtomicInteger mainInUse = new AtomicInteger();
		try (Connection outer = dataSource.getConnection()) {
			Thread other = new Thread(() -> {
				try (Connection own = dataSource.getConnection()) {
					mainInUse.set(main.getHikariPoolMXBean().getActiveConnections());
				}
				catch (SQLException e) {
					throw new IllegalStateException(e);
				}
			});
			other.start();
			other.join();
		}
		assertThat(mainInUse).hasValue(2);
	}

	private HikariDataSource pool(String name) {
		HikariDataSource pool = new HikariDataSource();
		pool.setJdbcUrl(url);
		pool.setPoolName(name);
		pool.setMaximumPoolSize(2);
		pool.setConnectionTimeout(250);
		return pool;
	}

}
