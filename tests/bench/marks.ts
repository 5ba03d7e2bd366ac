/**
 * Bench build only, evaluated before anything else in the worker: marks when the worker's
 * script starts and when the wasm core's instantiation starts and ends, by wrapping
 * WebAssembly.instantiateStreaming / instantiate (which the wasm-bindgen glue calls).
 */
performance.mark("bedside:bench:script-start");

type Instantiate = typeof WebAssembly.instantiate;
type Streaming = typeof WebAssembly.instantiateStreaming;

const streaming: Streaming = WebAssembly.instantiateStreaming.bind(WebAssembly);
const plain: Instantiate = WebAssembly.instantiate.bind(WebAssembly);

function timed<T>(p: Promise<T>): Promise<T> {
  return p.then((r) => {
    performance.mark("bedside:bench:instantiated");
    return r;
  });
}

WebAssembly.instantiateStreaming = ((source, imports) => {
  performance.mark("bedside:bench:instantiate-start");
  return timed(Promise.resolve(source).then((s) => streaming(s, imports)));
}) as Streaming;

WebAssembly.instantiate = ((source: BufferSource | WebAssembly.Module, imports?: WebAssembly.Imports) => {
  performance.mark("bedside:bench:instantiate-start");
  return timed(plain(source as BufferSource, imports));
}) as Instantiate;
