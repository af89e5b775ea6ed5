// Loads Prisma's schema engine, published as WebAssembly (@prisma/schema-engine-wasm), so that
// migrations can be diffed without the native engine binary that Prisma's CLI downloads (the
// download host is unreachable here; docs/decisions/002-migration-runner.md).
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import type { SchemaEngine } from "@prisma/schema-engine-wasm";
import * as bindings from "@prisma/schema-engine-wasm/schema_engine_bg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import { MigrationAdapterFactory } from "./migration-adapter";

type Bindings = typeof bindings & { __wbg_set_wasm: (exports: unknown) => void };

let loaded: Promise<typeof bindings.SchemaEngine> | undefined;

// The engine reports a Rust panic's message here just before it aborts; without the registry it
// dies with an unrelated TypeError. We rethrow the message so the cause is visible.
let lastPanic: string | undefined;
(globalThis as { PRISMA_WASM_PANIC_REGISTRY?: unknown }).PRISMA_WASM_PANIC_REGISTRY = {
  set_message(message: string) {
    lastPanic = message;
  },
};

/** The last panic message from the engine, if any (for error reports). */
export function takeEnginePanic(): string | undefined {
  const message = lastPanic;
  lastPanic = undefined;
  return message;
}

async function loadEngineClass(): Promise<typeof bindings.SchemaEngine> {
  const require = createRequire(import.meta.url);
  // The package exports only its JS entry points; the .wasm file sits beside them.
  const wasmPath = path.join(path.dirname(require.resolve("@prisma/schema-engine-wasm")), "schema_engine_bg.wasm");
  const imports: Record<string, unknown> = { ...bindings };
  // The engine's timers would keep Node alive ~10 s after the work is done: unref them.
  for (const key of Object.keys(imports)) {
    if (key.startsWith("__wbg_setTimeout_")) {
      imports[key] = (callback: () => void, ms: number) => {
        const timer = setTimeout(callback, ms >>> 0);
        timer.unref();
        return timer;
      };
    }
  }
  const { instance } = await WebAssembly.instantiate(await readFile(wasmPath), { "./schema_engine_bg.js": imports as WebAssembly.ModuleImports });
  const b = bindings as Bindings;
  b.__wbg_set_wasm(instance.exports);
  (instance.exports as { __wbindgen_start?: () => void }).__wbindgen_start?.();
  return bindings.SchemaEngine;
}

export type EngineLog = (line: string) => void;

/**
 * A schema engine bound to `serverUrl` (any database on the server: the engine only probes it)
 * and to `shadowUrl`, an empty database the caller created for diffs that replay migrations.
 */
export async function openSchemaEngine(options: {
  schemaPath: string;
  schemaText: string;
  serverUrl: string;
  shadowUrl?: string;
  log?: EngineLog;
}): Promise<{ engine: SchemaEngine; close: () => Promise<void> }> {
  loaded ??= loadEngineClass();
  const EngineClass = await loaded;
  const factory = new MigrationAdapterFactory(options.serverUrl, options.shadowUrl);
  const engine = await EngineClass.new(
    { datamodels: [[options.schemaPath, options.schemaText]] },
    (message: string) => options.log?.(message),
    bindMigrationAwareSqlAdapterFactory(factory),
  );
  return {
    engine,
    close: async () => {
      engine.free();
      await factory.dispose();
    },
  };
}
