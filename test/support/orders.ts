import { D } from "../../src/money.js";
import type { AppDeps } from "../../src/app.js";
import type { PanelService } from "../../src/panel/schemas.js";
import type { OrderRecord } from "../../src/store/orders.js";

/**
 * A placed order as the placement protocol leaves it (draft → reserved → sending → placed), paid
 * from a wallet funded for it, with a real order behind it at the panel (simulator).
 */
export async function placeTestOrder(
  deps: Pick<AppDeps, "orders" | "wallet" | "panel">,
  userId: number,
  service: PanelService,
  opts: Partial<Pick<OrderRecord, "canRefill" | "canCancel" | "link" | "price">> = {},
): Promise<{ id: string; panelOrderId: string }> {
  const { orders, wallet, panel } = deps;
  await wallet.credit(userId, new D("10"), { reason: "admin" });
  const draft = await orders.createDraft({
    userId,
    chatId: userId,
    locale: "en",
    serviceId: service.id,
    serviceName: service.name,
    serviceType: service.type,
    category: service.category,
    link: opts.link ?? "https://t.me/example",
    quantity: service.min,
    rate: service.rate.toFixed(),
    price: opts.price ?? "1",
    canRefill: opts.canRefill ?? service.refill,
    canCancel: opts.canCancel ?? service.cancel,
  });
  if (!(await orders.reserve(draft.id, userId)).ok) throw new Error("reserve failed");
  if (!(await orders.markSending(draft.id))) throw new Error("markSending failed");
  const panelOrderId = await panel.add({ service: service.id, link: draft.link, quantity: draft.quantity });
  if (!(await orders.markPlaced(draft.id, panelOrderId, Date.now() + 60_000))) throw new Error("markPlaced failed");
  return { id: draft.id, panelOrderId };
}
