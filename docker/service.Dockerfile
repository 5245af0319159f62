# One image recipe for every Sarkhat service. No Maven inside: build the jars first, from the
# repository root:
#   mvn -q -DskipTests package     -> <module>/target/<module>-0.1.0-SNAPSHOT-exec.jar
#   docker compose build           (or: docker build -f docker/service.Dockerfile \
#                                      --build-arg MODULE=gateway --build-arg PORT=8080 -t sarkhat/gateway gateway)
# The build context is the module's folder. See docs/compose.md.
ARG JRE_IMAGE=eclipse-temurin:17-jre

# Stage 1 only unpacks the Spring Boot jar into its layers (dependencies, spring-boot-loader,
# snapshot-dependencies, application) with Boot's jarmode tools.
FROM ${JRE_IMAGE} AS layers
WORKDIR /layers
ARG MODULE
ARG JAR_FILE=target/${MODULE}-0.1.0-SNAPSHOT-exec.jar
COPY ${JAR_FILE} application.jar
RUN java -Djarmode=tools -jar application.jar extract --layers --destination extracted

FROM ${JRE_IMAGE}
ARG PORT
# Fixed numeric uid/gid so orchestrators can verify "non-root" (e.g. Kubernetes runAsNonRoot).
RUN groupadd --system --gid 10001 sarkhat \
 && useradd --system --uid 10001 --gid sarkhat --home-dir /app --no-create-home --shell /usr/sbin/nologin sarkhat
WORKDIR /app
# One image layer per Boot layer, least to most often changed: a code change rebuilds only the
# last one or two (service-kit, a SNAPSHOT, sits in snapshot-dependencies). Files stay root-owned
# and read-only for the app user.
COPY --from=layers /layers/extracted/dependencies/ ./
COPY --from=layers /layers/extracted/spring-boot-loader/ ./
COPY --from=layers /layers/extracted/snapshot-dependencies/ ./
COPY --from=layers /layers/extracted/application/ ./
USER 10001:10001

# Heap = 75 % of the container's memory limit (the JVM reads the cgroup limit); leave the rest for
# metaspace, threads, code cache and direct buffers. Exit on OOM so the restart policy takes over.
ENV SERVER_PORT=${PORT} \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75.0 -XX:+ExitOnOutOfMemoryError"
EXPOSE ${PORT}
# curl ships in the eclipse-temurin Ubuntu images (wget too); -f turns 503 (DOWN) into a failure.
# /readyz is the readiness group on the service port of every service (the gateway keeps the rest of
# its actuator on its management port).
HEALTHCHECK --interval=10s --timeout=5s --start-period=120s --retries=3 \
  CMD curl -fsS -o /dev/null --max-time 4 "http://127.0.0.1:${SERVER_PORT}/readyz" || exit 1
ENTRYPOINT ["java", "-jar", "application.jar"]
