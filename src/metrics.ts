import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";

/**
 * Prometheus metrics of one process, served on GET /metrics. prom-client rather than hand-written
 * text: it gets the exposition format, label escaping and process metrics (RSS, event loop) right.
 */
export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "panelbot_" });
  const m = {
    registry,
    updatesHandled: new Counter({ name: "panelbot_updates_handled_total", help: "Telegram updates handled", labelNames: ["outcome"] as const, registers: [registry] }),
    ordersPlaced: new Counter({ name: "panelbot_orders_placed_total", help: "Order placement outcomes", labelNames: ["outcome"] as const, registers: [registry] }),
    panelCalls: new Counter({ name: "panelbot_panel_calls_total", help: "HTTP calls to the panel", labelNames: ["action", "outcome"] as const, registers: [registry] }),
    panelCallSeconds: new Histogram({
      name: "panelbot_panel_call_seconds",
      help: "Panel call duration",
      labelNames: ["action"] as const,
      buckets: [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30],
      registers: [registry],
    }),
    pollRoundSeconds: new Histogram({
      name: "panelbot_poll_round_seconds",
      help: "Duration of one poll round (claimed batches)",
      buckets: [0.01, 0.05, 0.1, 0.5, 1, 5, 10, 30],
      registers: [registry],
    }),
    ordersChecked: new Counter({ name: "panelbot_orders_checked_total", help: "Order status checks made by the poller", registers: [registry] }),
    notifications: new Counter({ name: "panelbot_notifications_total", help: "Outbound messages", labelNames: ["outcome"] as const, registers: [registry] }),
    queueSize: new Gauge({ name: "panelbot_queue_size", help: "Sizes of Redis queues", labelNames: ["queue"] as const, registers: [registry] }),
  };
  return m;
}
export type Metrics = ReturnType<typeof createMetrics>;
