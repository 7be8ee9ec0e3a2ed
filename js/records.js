// Loads what the examination's module leaves out until needed: the history screens' module
// (records-….js and its .wasm, named by the page's <meta name="adscore-records">) the first time
// one of them opens or a visit is saved, mounting or calling it (src/records.rs); and the Korean
// strings (src/i18n.rs).
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

/** The module, loading it the first time (again after a failed try). */
function records() {
  loading ??= load().catch((error) => { loading = null; throw error; });
  return loading;
}

/** Mounts the history screens in `root` once their module is ready (not if `root` is gone). */
export function open_records(root) {
  return records().then((module) => { if (root.isConnected) module.mount(root); });
}

/** Mounts the patient's flow over the examination `exam` (its JSON) in `root`, once ready. */
export function open_patient(root, exam, fromExam) {
  return records().then((module) => { if (root.isConnected) module.mount_patient(root, exam, fromExam); });
}

/** Resolves once the module is ready (loading it if need be). */
export function ready_records() {
  return records().then(() => undefined);
}

/** Has the module file the examination `exam` (the draft's JSON) as a visit: the message to show. */
export function save_in_records(exam, code, label) {
  return records().then((module) => module.save_visit(exam, code, label));
}

/** The patient codes and study labels in use: [codes, labels]. */
export function suggestions_from_records() {
  return records().then((module) => module.suggestions());
}

/** Unmounts the history screens or the patient's flow (once the module has loaded, if it is loading). */
export function close_records() {
  loading?.then((module) => module.unmount(), () => {});
}

/** The text of this build's Korean strings (content/ko.strings.txt, named by the page's <meta name="adscore-korean">). */
export function korean_strings() {
  const meta = document.querySelector('meta[name="adscore-korean"]');
  if (!meta) return Promise.reject(new Error('this build has no Korean strings (no adscore-korean meta)'));
  // The app waits for them before it starts in Korean: never for ever on a stalled network
  // (it then starts in English and says so).
  const signal = AbortSignal.timeout ? AbortSignal.timeout(5000) : undefined;
  return fetch(new URL(meta.content, document.baseURI), { signal }).then((response) => {
    if (!response.ok) throw new Error(`${meta.content}: HTTP ${response.status}`);
    return response.text();
  });
}
