# Production image for the API, the worker and the migration job (one image, three commands).
# Built on a current Node LTS; the development machines run Node 20.19+.
FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build && npm prune --omit=dev

FROM node:24-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build /app/package.json ./package.json
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
# The worker's preload (WORKFLOW_STACK_TRACES): docker-compose.yml starts it with --require.
COPY --from=build /app/apps/worker/preload ./apps/worker/preload
USER node
EXPOSE 3000
# docker-compose.yml picks the command per service.
CMD ["node", "dist/apps/api/src/main.js"]
