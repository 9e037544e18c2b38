// Loads Prisma's schema engine compiled to WebAssembly (@prisma/schema-engine-wasm).
// The package's entry does `import * as wasm from "./schema_engine_bg.wasm"`, which plain
// Node cannot import (it needs --experimental-wasm-modules), so we instantiate the module
// ourselves and hand it to the generated JS glue, as prisma-engines' own test executor does.
import fs from "node:fs";

// The engine reports the reason of a Rust panic here before trapping with "unreachable".
let panicMessage;
globalThis.PRISMA_WASM_PANIC_REGISTRY = { set_message: (message) => (panicMessage = message) };
export const lastPanicMessage = () => panicMessage;

/** @returns {Promise<typeof import('@prisma/schema-engine-wasm')>} the glue module, ready to use. */
export async function loadSchemaEngineWasm() {
  const glueUrl = import.meta.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
  const glue = await import(glueUrl);
  const bytes = fs.readFileSync(new URL("schema_engine_bg.wasm", glueUrl));
  const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": glue });
  glue.__wbg_set_wasm(instance.exports);
  instance.exports.__wbindgen_start?.();
  return glue;
}
