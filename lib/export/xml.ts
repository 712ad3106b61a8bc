// A minimal XML writer: elements, attributes and text, always escaped, so the output is well-formed by construction.
export type XmlNode = { name: string; attrs: Record<string, string | number | undefined | null>; children: (XmlNode | string)[] };

export function el(name: string, attrs: XmlNode['attrs'] = {}, ...children: (XmlNode | string | null | undefined | false)[]): XmlNode {
  return { name, attrs, children: children.filter((c): c is XmlNode | string => c !== null && c !== undefined && c !== false) };
}

// Characters XML 1.0 does not allow at all are dropped; markup characters are escaped.
const INVALID = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
export function escapeXml(s: string): string {
  return s.replace(INVALID, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const attributes = (attrs: XmlNode['attrs']) =>
  Object.entries(attrs)
    .filter(([, v]) => v !== undefined && v !== null && v !== '')
    .map(([k, v]) => ` ${k}="${escapeXml(String(v))}"`)
    .join('');

/** An element's opening tag alone, for a document written piece by piece (its children, then `</name>`). */
export const openTag = (name: string, attrs: XmlNode['attrs'] = {}) => `<${name}${attributes(attrs)}>`;

export function renderXml(node: XmlNode, depth = 0): string {
  const pad = '  '.repeat(depth);
  const attrs = attributes(node.attrs);
  if (!node.children.length) return `${pad}<${node.name}${attrs}/>`;
  if (node.children.every((c) => typeof c === 'string')) return `${pad}<${node.name}${attrs}>${escapeXml(node.children.join(''))}</${node.name}>`;
  const inner = node.children.map((c) => (typeof c === 'string' ? `${pad}  ${escapeXml(c)}` : renderXml(c, depth + 1))).join('\n');
  return `${pad}<${node.name}${attrs}>\n${inner}\n${pad}</${node.name}>`;
}

export function xmlDocument(root: XmlNode): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${renderXml(root)}\n`;
}
