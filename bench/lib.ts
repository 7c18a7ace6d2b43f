import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { rm } from "node:fs/promises";
import { basename } from "node:path";
import { createInterface } from "node:readline";
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
  /** figures for `--json`'s summary object (run.ts) */
  summary?: Record<string, number>;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

export function median(values: number[]): number {
  return percentile(
    [...values].sort((a, b) => a - b),
    50,
  );
}

export const round = (n: number, digits = 2): number => Math.round(n * 10 ** digits) / 10 ** digits;

export const below = (what: string, value: number, limit: number, unit: string): Target => ({ what, value: round(value, 3), target: `< ${limit} ${unit}`, ok: value < limit });
export const atLeast = (what: string, value: number, limit: number, unit: string): Target => ({ what, value: round(value, 1), target: `≥ ${limit} ${unit}`, ok: value >= limit });

/**
 * A key prefix for a benchmark that measures Redis memory per order: unique to this process and
 * `tag`, and short enough that an order's keys take the same allocations as with the default
 * REDIS_PREFIX "pb:" (Redis keeps a key of up to 20 bytes in one 24-byte allocation, and
 * "pb:order:1234567" is 16). A long prefix like "bench:poller:12345:100000:" added 24 B to each
 * order's record key and 5 B an order to the user lists: a cost no shop has.
 */
export function memoryPrefix(tag: number): string {
  return `b${((process.pid * 64 + tag) % 36 ** 5).toString(36)}:`;
}

/** Node's flags for a worker process, as `npm run worker` (and Docker Compose's worker service) start it. */
export function workerNodeFlags(): string[] {
  const pkg = JSON.parse(readFileSync(fileURLToPath(new URL("../package.json", import.meta.url)), "utf8")) as { scripts: Record<string, string> };
  return pkg.scripts.worker!.split(/\s+/).filter((w) => w.startsWith("--") && w !== "--worker");
}

/** A TypeScript file of bench/ run as a child process (`node --import tsx`), stdin/stdout piped. */
export function spawnTs(file: string, env: Record<string, string> = {}, nodeArgs: string[] = [], args: string[] = []): ChildProcess {
  const path = fileURLToPath(new URL(file, import.meta.url));
  return spawn(process.execPath, [...nodeArgs, "--import", "tsx", path, ...args], {
    env: { ...process.env, ...env },
    stdio: ["pipe", "pipe", "inherit"],
  });
}

/**
 * The same, compiled first (esbuild, which tsx brings along) and run by plain `node`, as production
 * runs the built code: no TypeScript loader in the process, so its memory is the program's own.
 * The bundle goes to node_modules/.cache/, from where packages and locales/ are found as from src/.
 * Falls back to tsx when esbuild cannot be loaded; `how` says which ran.
 */
let compiled = 0;
/**
 * BENCH_PROFILE_DIR=/some/dir: the compiled children (poll workers) write V8 CPU profiles there
 * (Node refuses --cpu-prof in NODE_OPTIONS); open them in Chrome DevTools or speedscope.
 */
function profilingArgs(): string[] {
  const dir = process.env.BENCH_PROFILE_DIR;
  return dir ? ["--cpu-prof", `--cpu-prof-dir=${dir}`] : [];
}

export async function spawnCompiled(file: string, env: Record<string, string> = {}, nodeArgs: string[] = []): Promise<{ child: ChildProcess; how: string }> {
  const entry = fileURLToPath(new URL(file, import.meta.url));
  // One file per run (two runs at once must not write over each other's), removed when the child ends.
  const outfile = fileURLToPath(new URL(`../node_modules/.cache/panelbot-bench/${basename(entry, ".ts")}-${process.pid}-${++compiled}.mjs`, import.meta.url));
  try {
    const esbuild = await import("esbuild");
    await esbuild.build({ entryPoints: [entry], outfile, bundle: true, packages: "external", platform: "node", format: "esm", target: "node20", logLevel: "error" });
  } catch {
    return { child: spawnTs(file, env, nodeArgs), how: "node --import tsx (esbuild not available)" };
  }
  const child = spawn(process.execPath, [...profilingArgs(), ...nodeArgs, outfile], { env: { ...process.env, ...env }, stdio: ["pipe", "pipe", "inherit"] });
  child.once("exit", () => void rm(outfile, { force: true }));
  return { child, how: "node on the esbuild-compiled bundle" };
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
        reject(e);
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

/** JSON lines from a child's stdout, one `next()` per line; rejects on timeout or when the child exits. */
export class ChildLines {
  private readonly lines: string[] = [];
  private waiting?: { resolve: (line: string) => void; reject: (e: Error) => void };
  private ended?: Error;

  constructor(readonly child: ChildProcess) {
    createInterface({ input: child.stdout! }).on("line", (line) => {
      if (this.waiting) {
        const w = this.waiting;
        this.waiting = undefined;
        w.resolve(line);
      } else this.lines.push(line);
    });
    child.once("exit", (code, signal) => {
      this.ended = new Error(`child exited (${code ?? signal})`);
      this.waiting?.reject(this.ended);
      this.waiting = undefined;
    });
  }

  next<T>(timeoutMs: number): Promise<T> {
    const queued = this.lines.shift();
    if (queued !== undefined) return Promise.resolve(JSON.parse(queued) as T);
    if (this.ended) return Promise.reject(this.ended);
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting = undefined;
        reject(new Error(`no answer from child within ${timeoutMs} ms`));
      }, timeoutMs);
      this.waiting = {
        resolve: (line) => {
          clearTimeout(timer);
          try {
            resolve(JSON.parse(line) as T);
          } catch (e) {
            reject(e);
          }
        },
        reject: (e) => {
          clearTimeout(timer);
          reject(e);
        },
      };
    });
  }

  /** Sends one JSON line and waits for the answer. */
  request<T>(msg: object, timeoutMs: number): Promise<T> {
    this.child.stdin!.write(`${JSON.stringify(msg)}\n`);
    return this.next<T>(timeoutMs);
  }
}
