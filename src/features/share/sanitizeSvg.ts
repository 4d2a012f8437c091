/**
 * Makes an exported SVG inert: a picture of the canvas must not run code when someone opens the
 * file in a browser. Needs `DOMParser` and `XMLSerializer` (browser, or a DOM in tests).
 */

/** Elements that run code or pull in other documents. */
const ACTIVE_ELEMENTS = new Set([
  'script',
  'iframe',
  'frame',
  'object',
  'embed',
  'applet',
  'base',
  'meta',
  'link',
  'handler',
  'listener',
]);

/** Attributes whose URL value must not be a script. */
const URL_ATTRIBUTES = new Set(['href', 'xlink:href', 'src', 'action', 'formaction', 'data']);

/**
 * Whether a URL runs script: `javascript:` or `vbscript:`, ignoring the spaces and control
 * characters browsers skip inside a scheme (`java&#9;script:` runs too).
 */
function isScriptUrl(value: string): boolean {
  let squeezed = '';
  for (const ch of value) if (ch.charCodeAt(0) > 0x20) squeezed += ch;
  return /^(?:javascript|vbscript):/i.test(squeezed);
}

export interface SanitizeResult {
  svg: string;
  /** How many elements and attributes were taken out. */
  removed: number;
}

/**
 * Parses the SVG as XML and removes every `<script>` (and other active element), every `on*`
 * event attribute and every `javascript:` URL, in the SVG and in any HTML inside
 * `<foreignObject>`. Throws when the text is not a well-formed SVG document.
 * @example sanitizeSvg('<svg xmlns="http://www.w3.org/2000/svg" onload="x()"/>').svg
 * // '<svg xmlns="http://www.w3.org/2000/svg"/>'
 */
export function sanitizeSvg(text: string): SanitizeResult {
  const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
  const root = doc.documentElement;
  if (doc.getElementsByTagName('parsererror').length > 0 || root.localName !== 'svg')
    throw new Error('not a well-formed SVG document');
  let removed = 0;
  for (const el of [root, ...Array.from(root.getElementsByTagName('*'))]) {
    if (ACTIVE_ELEMENTS.has(el.localName.toLowerCase())) {
      if (el.parentNode) {
        el.parentNode.removeChild(el);
        removed++;
      }
      continue;
    }
    for (const attr of Array.from(el.attributes)) {
      const name = attr.name.toLowerCase();
      const local = attr.localName.toLowerCase();
      const scriptUrl =
        (URL_ATTRIBUTES.has(name) || URL_ATTRIBUTES.has(local)) && isScriptUrl(attr.value);
      if (local.startsWith('on') || scriptUrl) {
        el.removeAttributeNode(attr);
        removed++;
      }
    }
  }
  return { svg: new XMLSerializer().serializeToString(doc), removed };
}
