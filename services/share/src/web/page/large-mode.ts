/// <reference lib="dom" />
/**
 * X2: the age-friendly mode (large type, high contrast, plain words). Read
 * and applied to <html> as soon as the script runs (it is loaded by a blocking
 * <script> in <head>), so the first paint is already in the chosen size.
 */
import { byId } from './dom.js';
import { KEY_LARGE, store } from './store.js';

export function applyStoredLargeMode(): boolean {
  const large = store.get(KEY_LARGE) === '1';
  document.documentElement.classList.toggle('large', large);
  return large;
}

/** Wires the 大字模式 button; `changed` re-renders the page in the new mode. */
export function setupLargeToggle(initial: boolean, changed: (large: boolean) => void): void {
  const button = byId('large-toggle');
  let large = initial;
  button.setAttribute('aria-pressed', String(large));
  button.addEventListener('click', () => {
    large = !large;
    store.set(KEY_LARGE, large ? '1' : '0');
    document.documentElement.classList.toggle('large', large);
    button.setAttribute('aria-pressed', String(large));
    changed(large);
  });
}
