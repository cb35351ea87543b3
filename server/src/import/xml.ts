// Small helpers over @xmldom/xmldom for the Office Open XML parts (Word, Excel): walk
// elements by local name, ignoring namespace prefixes, which vary between writers.
import { DOMParser } from '@xmldom/xmldom';

export type El = Element;

export function parseXml(xml: string): Document {
  // Recoverable errors are not thrown: a slightly damaged part still yields what it holds.
  const quiet = () => undefined;
  return new DOMParser({ errorHandler: { warning: quiet, error: quiet } }).parseFromString(xml, 'text/xml') as unknown as Document;
}

/** Child elements, optionally only those of one local name (w:p → 'p'). */
export function kids(el: Node | null | undefined, name?: string): El[] {
  const out: El[] = [];
  for (let n = el?.firstChild ?? null; n; n = n.nextSibling) {
    if (n.nodeType === 1 && (!name || (n as El).localName === name)) out.push(n as El);
  }
  return out;
}

export const kid = (el: Node | null | undefined, name: string): El | undefined => kids(el, name)[0];

/** An attribute by local name (w:val → 'val'), whatever its prefix. */
export function attr(el: El | undefined, name: string): string | undefined {
  if (!el) return undefined;
  for (let i = 0; i < el.attributes.length; i++) {
    const a = el.attributes[i];
    if (a.localName === name || a.name === name) return a.value;
  }
  return undefined;
}

/** The `val` attribute of a child property element (<w:gridSpan w:val="2"/>). */
export const prop = (el: El | undefined, name: string): string | undefined => attr(kid(el, name), 'val');
