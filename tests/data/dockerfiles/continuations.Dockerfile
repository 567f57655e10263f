FROM debian:bookworm
# Install packages; comments and blank lines inside a continuation are dropped.
RUN apt-get update \
    # the package list
    && apt-get install -y \

        curl \
        git \
# even at column one
        make \
    && rm -rf /var/lib/apt/lists/*

RUN echo one \   
    two
   RUN    echo indented
run echo lower case keyword
