# Build stage: the same Maven build as on a developer's machine.
FROM maven:3.9-eclipse-temurin-21 AS build
WORKDIR /src
COPY pom.xml ./
COPY classifier/pom.xml classifier/
COPY adapters/pom.xml adapters/
COPY bot/pom.xml bot/
RUN mvn -B -q dependency:go-offline -DexcludeReactor=true || true
COPY classifier classifier
COPY adapters adapters
COPY bot bot
RUN mvn -B -q -DskipTests package

# Run stage: a JRE, the one jar and the configuration a comms team edits, as a non-root user.
FROM eclipse-temurin:21-jre
RUN groupadd --system triage && useradd --system --gid triage --home-dir /app --shell /usr/sbin/nologin triage
WORKDIR /app
COPY --from=build /src/bot/target/triage-bot.jar /app/triage-bot.jar
COPY config /app/config
RUN mkdir -p /app/data && chown -R triage:triage /app/data
USER triage
ENV TRIAGE_HOME=/app
# Secrets (database password, platform tokens) come from environment variables named in the
# config file; mount your own config over /app/config/triage.yml.
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/triage-bot.jar"]
CMD ["demo"]
