/// <reference lib="dom" />
/** Small DOM helpers: elements of page.html by id, and new HTML and SVG elements. */

/** An element page.html must have; its absence is a broken page, said at once. */
export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const found = document.getElementById(id);
  if (!found) throw new Error(`page.html has no #${id}`);
  return found as T;
}

/** A new element with a class and text. */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className = '',
  text = '',
): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text) e.textContent = text;
  return e;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/** A new SVG element with attributes, appended to `parent` when given. */
export function svgEl(
  name: string,
  attrs: Record<string, string | number>,
  parent?: Element,
  text?: string,
): SVGElement {
  const e = document.createElementNS(SVG_NS, name) as SVGElement;
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  if (text !== undefined) e.textContent = text;
  parent?.append(e);
  return e;
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => window.setTimeout(resolve, ms));
}

export function debounce(fn: () => void, ms: number): () => void {
  let timer = 0;
  return () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(fn, ms);
  };
}
