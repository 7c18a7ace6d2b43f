# syntax=docker/dockerfile:1

# ---- build: compile the TypeScript with the dev dependencies ---------------------------------
FROM node:20-alpine AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY tsconfig.json tsconfig.build.json ./
# src/ includes the Lua scripts (src/store/scripts); the build copies them next to the compiled stores.
COPY src ./src
RUN npm run build

# ---- runtime: production dependencies, the compiled code and the texts, nothing else -----------
FROM node:20-alpine AS runtime
ENV NODE_ENV=production
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev && npm cache clean --force
# dist/src/store/scripts holds the Lua scripts the stores load at start.
COPY --from=build /app/dist ./dist
# The bot finds its Fluent texts by walking up from dist/src to /app/locales.
COPY locales ./locales
# The files stay root-owned and read-only to the process.
USER node
EXPOSE 8080
# /healthz answers 503 when Redis or the panel is down; node's fetch avoids needing curl or wget.
HEALTHCHECK --interval=30s --timeout=10s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 8080) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# Exec form: node is PID 1 and gets SIGTERM itself, for the graceful shutdown. The flag is npm
# start's (a test keeps them equal): a young generation big enough that the objects of updates in
# flight die young instead of filling the old one (bench/updates.ts: about a quarter more updates
# per core). Worker-only processes (compose's worker service) keep node's default, for a small RSS.
CMD ["node", "--max-semi-space-size=32", "dist/src/main.js"]
