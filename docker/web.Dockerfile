# syntax=docker/dockerfile:1
# Weiquan web console: Vite build of apps/web (with its pre-compressed .gz/.br) served by nginx, which also
# proxies /graphql, /api/, /admin/queues and /health to the api service (docker/nginx.conf).
# Build from the repository root:
#   docker build -f docker/web.Dockerfile -t weiquan/web .

ARG NODE_IMAGE=node:20-bookworm-slim

# ---------------------------------------------------------------------------------------------- build
FROM ${NODE_IMAGE} AS build
RUN npm i -g pnpm@10.34.9
ENV CI=true
WORKDIR /src
COPY package.json pnpm-lock.yaml pnpm-workspace.yaml .npmr[c] ./
RUN pnpm fetch
COPY . .
# Only the web app and the workspace packages it depends on (dev dependencies included: vite, vue-tsc).
RUN pnpm install --frozen-lockfile --offline --filter "@weiquan/web..."
RUN pnpm --filter @weiquan/web build

# ---------------------------------------------------------------------------------------------- runtime
FROM nginx:1.27-alpine AS runtime
COPY docker/nginx.conf /etc/nginx/conf.d/default.conf
COPY docker/nginx-headers.conf /etc/nginx/weiquan-headers.conf
COPY --from=build /src/apps/web/dist /usr/share/nginx/html
EXPOSE 80
HEALTHCHECK --interval=10s --timeout=3s --retries=3 CMD wget -q -O /dev/null http://127.0.0.1/nginx-health || exit 1
