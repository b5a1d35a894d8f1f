# didsync as a container image, the one examples/deploy/kubernetes.yaml runs:
#   docker build -t registry.example.com/netops/didsync:0.1.0 .
# The image holds the installed package (what `npm pack` makes) and git, for
# `didsync daemon --repo`. It runs as the unprivileged `node` user in
# /var/lib/didsync, where the daemon keeps its clone (.didsync/repo): mount
# a volume there when the root file system is read-only.
FROM node:20-bookworm-slim AS build
WORKDIR /src
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund --ignore-scripts
COPY . .
RUN npm run build && npm pack --ignore-scripts --pack-destination /out

FROM node:20-bookworm-slim
RUN apt-get update \
 && apt-get install -y --no-install-recommends git ca-certificates \
 && rm -rf /var/lib/apt/lists/*
COPY --from=build /out/ /tmp/didsync/
RUN npm install --global --no-audit --no-fund /tmp/didsync/didsync-*.tgz \
 && rm -rf /tmp/didsync /root/.npm \
 && mkdir -p /var/lib/didsync && chown node:node /var/lib/didsync
USER node
WORKDIR /var/lib/didsync
ENTRYPOINT ["didsync"]
CMD ["--help"]
