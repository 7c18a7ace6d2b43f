/**
 * The one price function. Every screen (buttons, service card), the confirmation and the charge
 * call `quote`, so a customer is never shown one number and charged another.
 *
 * Rules, in the order they are applied (also in the README):
 * 1. The price of 1000 (or of the whole package) in the shop currency comes from the first rule that
 *    is set: the service's fixed price; else the panel rate × exchange rate × (1 + markup %), where
 *    the markup is the service's own, else its category's, else the global one.
 * 2. The order total is that unit price × quantity / 1000 × runs (drip-feed), or the unit price
 *    itself for flat-price (package) types.
 * 3. It is raised to the minimum order price, when one is set.
 * 4. It is rounded UP to the shop's rounding step (e.g. 100 so'm, 0.01 USD) and, in any case, up
 *    to MONEY_SCALE decimals: the shop never charges less than the rules say.
 * 5. A promo discount (percent, capped) is taken off last and rounded DOWN to the step, so what is
 *    left to pay is still a whole number of steps and never below zero.
 * Pure: no I/O, no clock.
 */
import { D, isFlatPriceType, MONEY_SCALE, panelCost, roundDown, roundUp, type Money } from "../money.js";

/** Markups in percent as decimal strings ("12.5"); prices as decimal strings in the shop currency. */
export interface ServiceRule {
  /** fixed price per 1000 (or per package for flat types), shop currency */
  fixedPrice?: string;
  markupPercent?: string;
}

export interface PricingRules {
  globalMarkupPercent: string;
  /** the order total is rounded up to a multiple of this (shop currency); "0" or absent: none */
  roundingStep?: string;
  /** an order never costs less than this (shop currency) */
  minOrderPrice?: string;
  /** a fixed price must stay this many percent above the panel cost, or the service is hidden */
  minMarginPercent?: string;
  categoryMarkupPercent?: Readonly<Record<string, string>>;
  service?: Readonly<Record<string, ServiceRule>>;
}

export interface PricedItem {
  serviceId: string;
  categoryKey: string;
  /** panel rate per 1000 (or per package), panel currency */
  rate: Money;
  type: string;
}

export interface Discount {
  percent: string;
  /** the largest amount taken off, shop currency */
  cap?: string;
}

/** Where a unit price came from, for the admin's screens. */
export type PriceSource = "fixed" | "service" | "category" | "global";

export interface UnitPrice {
  /** price of 1000 (or of the package) in the shop currency, rounded up to the step */
  unit: Money;
  /** the same before the step rounding, used for totals */
  exactUnit: Money;
  source: PriceSource;
  markupPercent: Money | null;
}

export interface Quote {
  /** what the customer pays */
  total: Money;
  /** before the discount */
  beforeDiscount: Money;
  discount: Money;
  /** what the panel charges, panel currency (unrounded panel cost at its rate) */
  panelCost: Money;
  /** the same in the shop currency */
  panelCostInShop: Money;
  /** total − panelCostInShop */
  margin: Money;
  unit: UnitPrice;
}

const ZERO = new D(0);

const stepOf = (rules: PricingRules): Money => {
  const s = rules.roundingStep ? new D(rules.roundingStep) : ZERO;
  return s.gt(0) ? s : ZERO;
};

/**
 * Rounding to a step, worked out once per step: a power of ten (0.01, 1) is one decimal rounding;
 * any other step (100, 0.05) divides, rounds and multiplies back.
 */
export interface StepRounding {
  up(amount: Money): Money;
  down(amount: Money): Money;
}

export function stepRounding(step: Money): StepRounding {
  if (step.lte(0)) return { up: roundUp, down: roundDown };
  const places = step.decimalPlaces();
  if (places <= MONEY_SCALE && step.eq(new D(10).pow(-places))) {
    return { up: (a) => a.toDecimalPlaces(places, D.ROUND_CEIL), down: (a) => a.toDecimalPlaces(places, D.ROUND_FLOOR) };
  }
  return { up: (a) => roundUp(a.div(step).ceil().mul(step)), down: (a) => roundDown(a.div(step).floor().mul(step)) };
}

export const roundUpToStep = (amount: Money, step: Money): Money => stepRounding(step).up(amount);

/**
 * Prices under one set of rules and one exchange rate. The markup factors are worked out once per
 * distinct markup, so pricing a whole catalog costs about one multiplication and one rounding per
 * service.
 */
export class Pricer {
  private readonly step: StepRounding;
  private readonly factors = new Map<string, Money>();
  private readonly hundred = new D(100);

  constructor(
    readonly rules: PricingRules,
    readonly exchangeRate: Money,
  ) {
    this.step = stepRounding(stepOf(rules));
  }

  /** exchange rate × (100 + markup) / 100 */
  private factor(markup: string): Money {
    let f = this.factors.get(markup);
    if (!f) this.factors.set(markup, (f = this.exchangeRate.mul(this.hundred.add(markup)).div(this.hundred)));
    return f;
  }

  /** The unit price (per 1000 or per package) of a service, in the shop currency. */
  unit(item: PricedItem): UnitPrice {
    const own = this.rules.service?.[item.serviceId];
    if (own?.fixedPrice !== undefined) {
      const exact = new D(own.fixedPrice);
      return { unit: this.step.up(exact), exactUnit: exact, source: "fixed", markupPercent: null };
    }
    let source: PriceSource = "global";
    let markup = this.rules.globalMarkupPercent;
    const categoryMarkup = this.rules.categoryMarkupPercent?.[item.categoryKey];
    if (own?.markupPercent !== undefined) {
      source = "service";
      markup = own.markupPercent;
    } else if (categoryMarkup !== undefined) {
      source = "category";
      markup = categoryMarkup;
    }
    const exact = item.rate.mul(this.factor(markup));
    return { unit: this.step.up(exact), exactUnit: exact, source, markupPercent: new D(markup) };
  }

  /** The price of one order, with its cost and margin. */
  quote(item: PricedItem, input: QuoteInput): Quote {
    const unit = this.unit(item);
    const step = this.step;
    const runs = input.runs && input.runs > 1 ? input.runs : 1;
    let exact = isFlatPriceType(item.type) ? unit.exactUnit : unit.exactUnit.mul(input.quantity).div(1000).mul(runs);
    if (this.rules.minOrderPrice && exact.lt(this.rules.minOrderPrice)) exact = new D(this.rules.minOrderPrice);
    const beforeDiscount = step.up(exact);
    let discount = ZERO;
    if (input.discount) {
      discount = beforeDiscount.mul(input.discount.percent).div(100);
      if (input.discount.cap !== undefined) discount = D.min(discount, new D(input.discount.cap));
      discount = D.min(beforeDiscount, step.down(discount));
    }
    const total = beforeDiscount.sub(discount);
    const cost = panelCost({ rate: item.rate, quantity: input.quantity, type: item.type, runs });
    const costInShop = cost.mul(this.exchangeRate);
    return { total, beforeDiscount, discount, panelCost: cost, panelCostInShop: costInShop, margin: total.sub(costInShop), unit };
  }

  /**
   * Whether a fixed price no longer leaves the minimum margin over the panel cost: the cost (× the
   * exchange rate) is above price − MIN_MARGIN_PERCENT % of the price. Such a service is hidden by
   * itself at the next catalog refresh and named in the admins' digest.
   */
  sellsAtLoss(item: PricedItem): boolean {
    const fixed = this.rules.service?.[item.serviceId]?.fixedPrice;
    if (fixed === undefined) return false;
    const keep = new D(fixed).mul(this.hundred.sub(this.rules.minMarginPercent ?? "0")).div(this.hundred);
    return item.rate.mul(this.exchangeRate).gt(keep);
  }
}

/** One-off helpers over a Pricer (tests, single screens). */
export const unitPriceOf = (item: PricedItem, rules: PricingRules, exchangeRate: Money): UnitPrice => new Pricer(rules, exchangeRate).unit(item);

export interface QuoteInput {
  quantity: number;
  /** drip-feed runs; absent or 1 for a single delivery */
  runs?: number;
  discount?: Discount;
}

export const quote = (item: PricedItem, input: QuoteInput, rules: PricingRules, exchangeRate: Money): Quote => new Pricer(rules, exchangeRate).quote(item, input);

export const sellsAtLoss = (item: PricedItem, rules: PricingRules, exchangeRate: Money): boolean => new Pricer(rules, exchangeRate).sellsAtLoss(item);
