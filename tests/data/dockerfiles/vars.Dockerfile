ARG VERSION=1.0
ARG REGISTRY
FROM ${REGISTRY:-docker.io}/library/alpine:3.${MINOR:-20} AS base
ARG VERSION
ARG BUILD_DATE="unknown date"
ENV APP_VERSION=$VERSION \
    APP_HOME=/opt/app \
    SUFFIX=${VERSION:+-release} \
    LITERAL=\$NOT_EXPANDED \
    QUOTED='$SINGLE' \
    MIXED="a b ${VERSION}"
ENV LEGACY value with spaces
LABEL version="${APP_VERSION}" description="An app, built on $BUILD_DATE"
WORKDIR $APP_HOME/bin
USER ${APP_USER:-nobody}
EXPOSE ${PORT:-8080}
COPY app-${VERSION}.tar.gz ${APP_HOME}/
RUN echo "$APP_VERSION is expanded by the shell, not the builder"
