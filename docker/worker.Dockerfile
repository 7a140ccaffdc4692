# syntax=docker/dockerfile:1
# Weiquan worker image (BullMQ processors; no HTTP port).
# Build from the repository root:  docker build -f docker/worker.Dockerfile -t weiquan/worker .
#
# Why not `pnpm deploy`: the API imports workspace libraries (@weiquan/core, @weiquan/shared) that are
# compiled to libs/*/dist. `pnpm deploy` (pnpm 10 needs inject-workspace-packages or --legacy) would
# move them to node_modules/@weiquan/* and ship whatever their package "files" select. Instead we keep
# the workspace layout: a production-only, filtered `pnpm install` followed by copying package.json +
# dist + node_modules of the worker and of the libraries it depends on. pnpm's node_modules are relative
# symlinks into /app/node_modules/.pnpm, so they stay valid, and the paths inside the image are the
# same as in a checkout: node apps/worker/dist/main.js.

ARG NODE_IMAGE=node:20-bookworm-slim

# ---------------------------------------------------------------------------------------------- build
FROM ${NODE_IMAGE} AS build
# corepack on Node 20 cannot fetch pnpm (signature error): install the pinned version with npm.
RUN npm i -g pnpm@10.34.9
ENV CI=true
WORKDIR /src
# Dependency layer: only the lockfile decides what is downloaded (cached until it changes).
COPY package.json pnpm-lock.yaml pnpm-workspace.yaml .npmr[c] ./
RUN pnpm fetch
COPY . .
RUN pnpm install --frozen-lockfile --offline
RUN pnpm build:server
# Production dependencies of the worker and its workspace libraries only.
RUN rm -rf node_modules apps/*/node_modules libs/*/node_modules \
 && pnpm install --frozen-lockfile --offline --prod --filter "@weiquan/worker..."
# Assemble /out with the workspace layout (packages without node_modules simply have none).
# (`pnpm exec pwd` lists apps/worker and every workspace library it depends on.)
RUN set -eu; mkdir -p /out; cp -a package.json node_modules /out/; \
    for abs in $(pnpm --filter "@weiquan/worker..." --reporter=silent exec pwd); do \
      d="${abs#/src/}"; mkdir -p "/out/$d"; cp -a "$d/package.json" "$d/dist" "/out/$d/"; \
      if [ -d "$d/node_modules" ]; then cp -a "$d/node_modules" "/out/$d/"; fi; \
    done; \
    find /out -name '*.tsbuildinfo' -delete

# ---------------------------------------------------------------------------------------------- runtime
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    DATA_DIR=/data \
    STORAGE_DIR=/data/storage
WORKDIR /app
# Code is owned by root and read-only for the app; only /data (evidence storage volume) is writable.
COPY --from=build /out /app
RUN mkdir -p /data/storage && chown -R node:node /data
USER node
CMD ["node", "apps/worker/dist/main.js"]
