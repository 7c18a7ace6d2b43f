import { spawn, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";

/** Shared shape of every benchmark's result, printed as one table (or JSON with --json). */
export interface Target {
  what: string;
  value: number;
  /** e.g. "< 150 ms" */
  target: string;
  ok: boolean;
}

export interface BenchResult {
  name: string;
  /** counts, intervals, process count: what the figures were measured on */
  setup: string;
  figures: Record<string, number | string>;
  targets: Target[];
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

export function median(values: number[]): number {
  return percentile([...values].sort((a, b) => a - b), 50);
}

export const round = (n: number, digits = 2): number => Math.round(n * 10 ** digits) / 10 ** digits;

export const below = (what: string, value: number, limit: number, unit: string): Target => ({ what, value: round(value, 3), target: `< ${limit} ${unit}`, ok: value < limit });
export const atLeast = (what: string, value: number, limit: number, unit: string): Target => ({ what, value: round(value, 1), target: `≥ ${limit} ${unit}`, ok: value >= limit });

/** A TypeScript file of bench/ run as a child process (`node --import tsx`), stdin/stdout piped. */
export function spawnTs(file: string, env: Record<string, string> = {}, nodeArgs: string[] = []): ChildProcess {
  const path = fileURLToPath(new URL(file, import.meta.url));
  return spawn(process.execPath, [...nodeArgs, "--import", "tsx", path], {
    env: { ...process.env, ...env },
    stdio: ["pipe", "pipe", "inherit"],
  });
}

/** The first line a child prints, parsed as JSON; rejects when the child exits first or after timeoutMs. */
export function firstJsonLine<T>(child: ChildProcess, timeoutMs = 30_000): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let buf = "";
    const timer = setTimeout(() => fail(new Error(`no answer from child within ${timeoutMs} ms`)), timeoutMs);
    const onData = (chunk: Buffer) => {
      buf += chunk.toString("utf8");
      const nl = buf.indexOf("\n");
      if (nl === -1) return;
      cleanup();
      try {
        resolve(JSON.parse(buf.slice(0, nl)) as T);
      } catch (e) {
        reject(e as Error);
      }
    };
    const onExit = (code: number | null) => fail(new Error(`child exited (${code}) before answering`));
    const cleanup = () => {
      clearTimeout(timer);
      child.stdout?.off("data", onData);
      child.off("exit", onExit);
    };
    const fail = (e: Error) => {
      cleanup();
      reject(e);
    };
    child.stdout?.on("data", onData);
    child.once("exit", onExit);
  });
}

/** Closes the child's stdin (its signal to stop) and waits for it; SIGKILL after graceMs. */
export async function stopChild(child: ChildProcess, graceMs = 5_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.stdin?.end();
  const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
  await exited;
  clearTimeout(timer);
}

/** The panel simulator in its own process (bench/sim-process.ts). */
export async function startSimProcess(opts: { services?: number; categories?: number } = {}): Promise<{ url: string; apiKey: string; close(): Promise<void> }> {
  const child = spawnTs("./sim-process.ts", {
    BENCH_SIM_SERVICES: String(opts.services ?? 3000),
    BENCH_SIM_CATEGORIES: String(opts.categories ?? 100),
  });
  try {
    const { url, apiKey } = await firstJsonLine<{ url: string; apiKey: string }>(child);
    return { url, apiKey, close: () => stopChild(child) };
  } catch (e) {
    child.kill("SIGKILL");
    throw e;
  }
}
