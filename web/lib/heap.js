// Temporary float buffers in the WebAssembly heap: the one place the package calls malloc and free.

/** Runs `use(pointer)` with `count` floats allocated in the WASM heap, freed afterwards. */
export function withHeapFloats(core, count, use) {
  const bytes = Math.max(4, count * 4);
  const pointer = core._malloc(bytes);
  if (!pointer) throw new RangeError(`out of memory: could not allocate ${bytes} bytes in the WebAssembly heap`);
  try {
    return use(pointer);
  } finally {
    core._free(pointer);
  }
}
