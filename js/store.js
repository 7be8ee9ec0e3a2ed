// The visit history in IndexedDB: one value under one key, written in a single transaction,
// so an interrupted write leaves the previous value intact. Unreadable values are moved aside,
// never overwritten.
const DB = 'adscore';
const STORE = 'kv';
const KEY = 'history';
/** Where an unreadable history is moved aside: this, then the time it was moved. */
const UNREADABLE = 'history.unreadable.';

let opening = null;
function db() {
  opening ??= new Promise((resolve, reject) => {
    const request = indexedDB.open(DB, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => { opening = null; reject(request.error); };
  });
  return opening;
}

function run(mode, act) {
  return db().then((database) => new Promise((resolve, reject) => {
    const tx = database.transaction(STORE, mode);
    const result = act(tx.objectStore(STORE));
    tx.oncomplete = () => resolve(result.value);
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error ?? new Error('aborted'));
  }));
}

/** The value under `key`, or null. */
function get(key) {
  return run('readonly', (store) => {
    const out = { value: null };
    const request = store.get(key);
    request.onsuccess = () => { out.value = request.result ?? null; };
    return out;
  });
}

/** The stored history as text, or null when there is none. */
export function load_history() {
  return get(KEY);
}

// A new token under GENERATION with every write of the history, in the same transaction: a
// module that read the history before can tell whether it must read it again, and a write
// made from an older copy is refused instead of putting that copy over newer visits.
const GENERATION = 'history.generation';
const token = () => `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;

/** The token of the last write of the history, or null. */
export function load_generation() {
  return get(GENERATION);
}

/**
 * Replaces the stored history with `text` and its token with `next`, atomically, if the stored
 * token is still `expected` (null or undefined: none yet): the history the text was made from
 * is the one stored. Returns true when written; false, writing nothing, when the history was
 * written meanwhile (another tab or window).
 */
export function save_history(text, expected, next) {
  return run('readwrite', (store) => {
    const out = { value: false };
    const request = store.get(GENERATION);
    request.onsuccess = () => {
      if ((request.result ?? null) !== (expected ?? null)) return;
      store.put(text, KEY);
      store.put(next, GENERATION);
      out.value = true;
    };
    return out;
  }).then((written) => { if (written) announce(); return written; });
}

// IndexedDB tells no other window of a write (localStorage has its `storage` event for that):
// every write of the history is announced on a BroadcastChannel, which reaches this site's other
// tabs and windows (not this one). There it becomes the window event WRITTEN_ELSEWHERE, for the
// history screens to read the history again, even one kept in front beside the window that saved.
const WRITTEN_ELSEWHERE = 'adscore-history-written';
let channel;
function broadcast() {
  channel ??= typeof BroadcastChannel === 'function' ? new BroadcastChannel('adscore-history') : null;
  return channel;
}

function announce() {
  broadcast()?.postMessage('written');
}

/** From now on, a write of the history in another tab or window fires `adscore-history-written` on this window. */
export function watch_history() {
  const listening = broadcast();
  if (listening && !listening.onmessage) listening.onmessage = () => window.dispatchEvent(new Event(WRITTEN_ELSEWHERE));
}

/** Moves an unreadable history aside under a new key and returns that key. */
export function keep_unreadable(text) {
  const key = `${UNREADABLE}${new Date().toISOString()}`;
  return run('readwrite', (store) => {
    store.put(text, key);
    store.delete(KEY);
    store.put(token(), GENERATION);
    return { value: key };
  }).then((key) => { announce(); return key; });
}

/** Deletes every unreadable history moved aside (`keep_unreadable`); resolves to how many. */
export function delete_set_aside() {
  return run('readwrite', (store) => {
    const out = { value: 0 };
    const request = store.getAllKeys();
    request.onsuccess = () => {
      for (const key of request.result.filter((k) => String(k).startsWith(UNREADABLE))) {
        store.delete(key);
        out.value += 1;
      }
    };
    return out;
  });
}

/** Offers `bytes` (a Uint8Array, UTF-8 text) as a file download; the Blob copies them at once. */
export function download(name, type, bytes) {
  const url = URL.createObjectURL(new Blob([bytes], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Reads a chosen file as text (rejects files over `limit` bytes before reading them). */
export function read_file(input, limit) {
  const file = input.files?.[0];
  if (!file) return Promise.resolve(null);
  // `tooLarge`: the size, which the app says in the page's language (src/store.rs).
  if (file.size > limit) return Promise.reject(Object.assign(new Error(`too large: ${file.size} bytes`), { tooLarge: file.size }));
  // A byte-order mark is kept (file.text() drops it): batch scoring writes one back when the
  // file had one (Excel then reads Korean as Korean); a history import ignores it.
  return file.arrayBuffer().then((bytes) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes));
}
