package io.touchpoints.system.db;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * The service's data source: the main pool as {@code spring.datasource.hikari.*} configures it, and beside it the
 * pool for transactions of their own ({@code touchpoints.database.nested-pool.*}), both to the same database.
 */
@Configuration(proxyBeanMethods = false)
class DataSourceConfiguration {

	@Bean
	@ConfigurationProperties("spring.datasource.hikari")
	HikariDataSource mainPool(DataSourceProperties properties) {
		HikariDataSource pool = properties.initializeDataSourceBuilder().type(HikariDataSource.class).build();
		pool.setPoolName("main");
		return pool;
	}

	@Bean
	@ConfigurationProperties("touchpoints.database.nested-pool")
	HikariDataSource nestedPool(DataSourceProperties properties) {
		HikariDataSource pool = properties.initializeDataSourceBuilder().type(HikariDataSource.class).build();
		pool.setPoolName("nested");
		pool.setMaximumPoolSize(10);
		return pool;
	}

	@Bean
	@Primary
	DataSource dataSource(HikariDataSource mainPool, HikariDataSource nestedPool) {
		return new NestingDataSource(mainPool, nestedPool);
	}

}
