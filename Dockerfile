FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /build

# Build definition first: this layer (Maven from the wrapper plus every dependency) is reused until
# pom.xml or the wrapper changes, so editing src/ does not download the internet again.
# go-offline alone misses some BOM-managed transitive jars (spring-orm, jaxb-impl, ...); resolve adds them.
COPY pom.xml mvnw ./
COPY .mvn .mvn
RUN ./mvnw -B -q dependency:go-offline dependency:resolve

COPY src src
RUN ./mvnw -B -DskipTests package


FROM eclipse-temurin:17-jre
WORKDIR /app

# A fixed uid so file permissions of mounted volumes are predictable.
RUN groupadd --system --gid 10001 touchpoints \
    && useradd --system --uid 10001 --gid touchpoints --no-create-home --shell /usr/sbin/nologin touchpoints \
    && mkdir /app/data \
    && chown touchpoints:touchpoints /app/data

# Jar and models stay root-owned so the service cannot rewrite them; only data/ is writable, for the
# default H2 database when the image is run without the postgres profile.
COPY --from=build /build/target/touchpoints-*.jar app.jar
# Read from the working directory (touchpoints.processes-dir / templates-dir), not the classpath.
COPY processes processes
COPY templates templates

USER touchpoints

# The JVM's default heap is a quarter of the container's memory limit; a service can use more.
ENV JAVA_OPTS="-XX:MaxRAMPercentage=75"

EXPOSE 8080

# curl/wget are not guaranteed in the JRE image; bash's /dev/tcp needs nothing extra. Camunda's first start creates its schema,
# hence the long start period.
HEALTHCHECK --interval=30s --timeout=5s --start-period=120s --retries=3 \
    CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/8080 && printf 'GET /actuator/health HTTP/1.0\\r\\nHost: localhost\\r\\n\\r\\n' >&3 && grep -q '\"status\":\"UP\"' <&3"]

# sh -c expands JAVA_OPTS; exec makes java PID 1 so it receives SIGTERM and shuts down gracefully.
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS -jar app.jar \"$@\"", "--"]
