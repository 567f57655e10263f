# syntax=docker/dockerfile:1
FROM debian:bookworm-slim
RUN <<EOF
set -e
apt-get update
apt-get install -y --no-install-recommends ca-certificates
  rm -rf /var/lib/apt/lists/*
EOF
RUN <<-EOT bash -ex
	echo "tabs stripped"
	  echo "spaces kept"
	EOT
RUN <<FILE1 cat > /file1 && <<FILE2 cat > /file2
I am
first
FILE1
I am
second
FILE2
RUN python3 <<PYEOF
print("hello from python")
PYEOF
ARG GREETING=hello
COPY <<EOF /etc/motd
$GREETING from ${HOSTNAME:-builder}
EOF
COPY --chmod=0755 <<'SCRIPT' <<"CONF" /opt/
#!/bin/sh
echo "$HOME is not expanded"
SCRIPT
key="$GREETING"
CONF
RUN ["echo", "<<EOF is not a heredoc in exec form"]
CMD ["/bin/sh"]
