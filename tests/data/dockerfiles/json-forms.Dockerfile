FROM alpine:3.20
SHELL ["/bin/ash", "-eo", "pipefail", "-c"]
RUN ["/bin/echo", "exec", "form"]
RUN [ "echo", 'single quotes are not JSON' ]
CMD [ "sh", "-c", "echo $HOME" ]
ENTRYPOINT echo shell form entrypoint
VOLUME ["/data", "/var/log"]
VOLUME /cache /tmp/x
HEALTHCHECK CMD wget -q -O- http://localhost/ || exit 1
HEALTHCHECK NONE
CMD [broken json
