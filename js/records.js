// Loads the history screens' module (records-….js and its .wasm, named by the page's
// <meta name="adscore-records">) the first time one of them opens, and mounts it. src/records.rs.
let loading = null;

function load() {
  const meta = document.querySelector('meta[name="adscore-records"]');
  if (!meta) return Promise.reject(new Error('this build has no history screens (no adscore-records meta)'));
  const script = new URL(meta.content, document.baseURI);
  const wasm = new URL(meta.content.replace(/\.js$/, '_bg.wasm'), document.baseURI);
  return import(script.href).then(async (module) => {
    await module.default({ module_or_path: wasm });
    return module;
  });
}

/** Mounts the history screens in `root` once their module is ready (not if `root` is gone). */
export function open_records(root) {
  loading ??= load().catch((error) => { loading = null; throw error; });
  return loading.then((module) => { if (root.isConnected) module.mount(root); });
}

/** Unmounts the history screens (once their module has loaded, if it is loading). */
export function close_records() {
  loading?.then((module) => module.unmount(), () => {});
}
