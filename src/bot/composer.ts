/**
 * grammY's Composer, made cheaper for an update that passes many handlers (about 110 across the
 * features; most updates pass most of them):
 * - A filter is one closure made when it is registered. grammY builds every filter (`command`,
 *   `hears`, `callbackQuery`, `on`, `chatType`, …) on `lazy`, which allocates a new Composer and
 *   its middleware chain for each update that reaches it, matched or not; with 150 Composers per
 *   update the garbage collector took a quarter of the update path's CPU (bench/updates.ts).
 * - A synchronous predicate is not awaited, and the handlers run from one list, one `next`
 *   closure per step, where grammY chains two async functions per handler.
 * Handlers added to a composer after the first update still run (the list is read at each call),
 * and calling `next` twice still throws, as in grammY.
 */
import { Composer, type Context, type Middleware, type MiddlewareFn, type NextFunction } from "grammy";

type MaybePromise<T> = T | Promise<T>;
type MaybeArray<T> = T | T[];

export class FeatureComposer<C extends Context> extends Composer<C> {
  private readonly chain: Array<MiddlewareFn<C>> = [];
  private readonly run: MiddlewareFn<C> = (ctx, next) => dispatch(this.chain, 0, ctx, next);

  constructor(...middleware: Array<Middleware<C>>) {
    super();
    this.chain.push(...middleware.map(runnable));
  }

  override middleware(): MiddlewareFn<C> {
    return this.run;
  }

  override use(...middleware: Array<Middleware<C>>): Composer<C> {
    const composer = new FeatureComposer<C>(...middleware);
    this.chain.push(composer.run);
    return composer;
  }

  override filter<D extends C>(predicate: (ctx: C) => ctx is D, ...middleware: Array<Middleware<D>>): Composer<D>;
  override filter(predicate: (ctx: C) => MaybePromise<boolean>, ...middleware: Array<Middleware<C>>): Composer<C>;
  override filter(predicate: (ctx: C) => MaybePromise<boolean>, ...middleware: Array<Middleware<C>>): Composer<C> {
    const composer = new FeatureComposer<C>(...middleware);
    this.branch(predicate, composer, (_ctx, next) => next());
    return composer;
  }

  override branch(predicate: (ctx: C) => MaybePromise<boolean>, trueMiddleware: MaybeArray<Middleware<C>>, falseMiddleware: MaybeArray<Middleware<C>>): Composer<C> {
    const yes = runnable(Array.isArray(trueMiddleware) ? new FeatureComposer<C>(...trueMiddleware) : trueMiddleware);
    const no = runnable(Array.isArray(falseMiddleware) ? new FeatureComposer<C>(...falseMiddleware) : falseMiddleware);
    return this.use((ctx, next) => {
      const matched = predicate(ctx);
      if (typeof matched === "boolean") return matched ? yes(ctx, next) : no(ctx, next);
      return matched.then((m) => (m ? yes(ctx, next) : no(ctx, next)));
    });
  }
}

function runnable<C extends Context>(middleware: Middleware<C>): MiddlewareFn<C> {
  return typeof middleware === "function" ? middleware : (ctx, next) => middleware.middleware()(ctx, next);
}

/** Runs chain[i], whose `next` runs the rest, and after the last the caller's `next`. */
function dispatch<C extends Context>(chain: ReadonlyArray<MiddlewareFn<C>>, i: number, ctx: C, next: NextFunction): Promise<void> {
  if (i === chain.length) return next();
  let called = false;
  const done = chain[i]!(ctx, () => {
    if (called) throw new Error("`next` already called before!");
    called = true;
    return dispatch(chain, i + 1, ctx, next);
  });
  // What a handler's promise resolves to is of no use to the one who called next.
  return done instanceof Promise ? (done as Promise<void>) : Promise.resolve();
}
