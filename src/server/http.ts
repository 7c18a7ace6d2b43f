import { timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Logger } from "../logger.js";
import type { Metrics } from "../metrics.js";
import type { HealthCheck } from "./health.js";

/** Telegram sends the webhook secret back in this header on every update. */
export const SECRET_HEADER = "x-telegram-bot-api-secret-token";

export interface WebhookRoute {
  /** the path of WEBHOOK_URL */
  path: string;
  secret: string;
  /** handles one authenticated update request and answers it */
  handle(req: IncomingMessage, res: ServerResponse): Promise<unknown>;
}

export interface HttpServerDeps {
  logger: Logger;
  metrics: Pick<Metrics, "registry">;
  health: HealthCheck;
  /** webhook mode only */
  webhook?: WebhookRoute;
  /** the back office, answering everything under /admin */
  web?: (req: IncomingMessage, res: ServerResponse) => Promise<void>;
}

/** Constant-time comparison, so the answer time says nothing about how much of a guess was right. */
function secretMatches(header: string | string[] | undefined, secret: string): boolean {
  const given = Buffer.from(Array.isArray(header) ? (header[0] ?? "") : (header ?? ""));
  const expected = Buffer.from(secret);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

function answer(res: ServerResponse, status: number, body: string, type = "application/json"): void {
  if (res.headersSent) return;
  res.writeHead(status, { "content-type": type, "content-length": Buffer.byteLength(body) });
  res.end(body);
}

/**
 * The process's HTTP server, in every mode: GET /healthz, GET /metrics, the back office under
 * /admin/, and in webhook mode POST <webhook path>. Nothing it answers carries a secret.
 */
export function createHttpServer(deps: HttpServerDeps): Server {
  const { logger, webhook } = deps;
  // The whole handler is inside try/catch, so its promise never rejects; a bad request target such as
  // "//" makes `new URL` throw, which used to escape as an unhandled rejection and stop the process.
  // eslint-disable-next-line @typescript-eslint/no-misused-promises
  return createServer(async (req, res) => {
    let path = req.url ?? "/";
    try {
      path = new URL(path, "http://localhost").pathname;
      if (webhook && path === webhook.path && req.method === "POST") {
        if (!secretMatches(req.headers[SECRET_HEADER], webhook.secret)) {
          logger.warn({ remote: req.socket.remoteAddress }, "webhook request without the right secret refused");
          req.resume();
          return answer(res, 401, '{"error":"unauthorized"}');
        }
        return await handleUpdate(webhook, req, res, logger);
      }
      if (path === "/healthz" && req.method === "GET") {
        const report = await deps.health.check();
        return answer(res, report.healthy ? 200 : 503, JSON.stringify(report.body));
      }
      if (deps.web && (path === "/admin" || path.startsWith("/admin/"))) return await deps.web(req, res);
      if (path === "/metrics" && req.method === "GET") {
        return answer(res, 200, await deps.metrics.registry.metrics(), deps.metrics.registry.contentType);
      }
      answer(res, 404, '{"error":"not found"}');
    } catch (e) {
      logger.error({ err: e, path }, "HTTP request failed");
      answer(res, 500, '{"error":"internal"}');
    }
  });
}

async function handleUpdate(webhook: WebhookRoute, req: IncomingMessage, res: ServerResponse, logger: Logger): Promise<void> {
  try {
    await webhook.handle(req, res);
  } catch (e) {
    if (e instanceof SyntaxError) return answer(res, 400, '{"error":"body is not JSON"}');
    // The bot's error boundary has told the user already. Answering 200 keeps Telegram from
    // redelivering an update that fails every time, which would hold back all the updates after it.
    logger.error({ err: e }, "webhook update failed");
    answer(res, 200, "");
  }
  if (!res.writableEnded) res.end();
}

/** Listens on `port` (0: any free port) and resolves with the bound port. */
export function listen(server: Server, port: number, host = "0.0.0.0"): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

/** Stops accepting connections and resolves once the requests in flight are answered. */
export function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    // Idle keep-alive connections would otherwise hold close() open until they time out.
    server.closeIdleConnections();
  });
}
