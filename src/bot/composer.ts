/**
 * grammY's Composer with filters that cost next to nothing when they do not match. grammY builds
 * every filter (`command`, `hears`, `callbackQuery`, `on`, `chatType`, …) on `lazy`, which
 * allocates a new Composer and its middleware chain for each update that reaches it, matched or
 * not. With about 110 handlers across the features that was 150 Composers per update, and the
 * garbage collector took a quarter of the update path's CPU (bench/updates.ts). Here a filter is
 * one closure made when it is registered. Handlers added to the composer a filter returns still
 * run: its chain is read at each call, as grammY does.
 */
import { Composer, type Context, type Middleware, type MiddlewareFn } from "grammy";

type MaybePromise<T> = T | Promise<T>;
type MaybeArray<T> = T | T[];

export class FeatureComposer<C extends Context> extends Composer<C> {
  override filter<D extends C>(predicate: (ctx: C) => ctx is D, ...middleware: Array<Middleware<D>>): Composer<D>;
  override filter(predicate: (ctx: C) => MaybePromise<boolean>, ...middleware: Array<Middleware<C>>): Composer<C>;
  override filter(predicate: (ctx: C) => MaybePromise<boolean>, ...middleware: Array<Middleware<C>>): Composer<C> {
    const composer = new FeatureComposer<C>(...middleware);
    this.branch(predicate, composer, (_ctx, next) => next());
    return composer;
  }

  override branch(predicate: (ctx: C) => MaybePromise<boolean>, trueMiddleware: MaybeArray<Middleware<C>>, falseMiddleware: MaybeArray<Middleware<C>>): Composer<C> {
    const yes = runnable(trueMiddleware);
    const no = runnable(falseMiddleware);
    return this.use(async (ctx, next) => ((await predicate(ctx)) ? yes(ctx, next) : no(ctx, next)));
  }
}

function runnable<C extends Context>(middleware: MaybeArray<Middleware<C>>): MiddlewareFn<C> {
  const one = Array.isArray(middleware) ? new FeatureComposer<C>(...middleware) : middleware;
  return typeof one === "function" ? one : (ctx, next) => one.middleware()(ctx, next);
}
