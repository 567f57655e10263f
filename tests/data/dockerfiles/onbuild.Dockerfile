FROM node:20-alpine
WORKDIR /app
ONBUILD COPY package*.json ./
ONBUILD RUN npm ci --omit=dev
onbuild ADD --chown=node:node . /app
ONBUILD RUN <<EOF
npm run build
EOF
MAINTAINER Jane Doe <jane@example.com>
CMD ["node", "server.js"]
