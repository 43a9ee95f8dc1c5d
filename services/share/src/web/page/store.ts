/// <reference lib="dom" />
/**
 * The page's two remembered settings, in localStorage: the viewer token and
 * the age-friendly mode (X2). Without storage (private mode) they last for
 * this page only.
 */
export const KEY_VIEWER_TOKEN = 'sw.viewerToken';
export const KEY_LARGE = 'sw.largeText';

export const store = {
  get(key: string): string | null {
    try {
      return window.localStorage.getItem(key);
    } catch {
      return null;
    }
  },
  set(key: string, value: string): void {
    try {
      window.localStorage.setItem(key, value);
    } catch {
      /* no storage: the setting lasts for this page only */
    }
  },
  remove(key: string): void {
    try {
      window.localStorage.removeItem(key);
    } catch {
      /* no storage: nothing was kept */
    }
  },
};
