type Child = Node | string | number | null | undefined | false;
type Attrs = Record<string, string | number | boolean | null | undefined | EventListener>;

/** Builds an element: attributes (on* become listeners), then children; strings become text, never HTML. */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: (Child | Child[])[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (typeof value === 'function') element.addEventListener(name.slice(2).toLowerCase(), value);
    else element.setAttribute(name, value === true ? '' : String(value));
  }
  append(element, ...children);
  return element;
}

export function append(parent: Element, ...children: (Child | Child[])[]) {
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    parent.append(child instanceof Node ? child : String(child));
  }
}

export function replace(parent: Element, ...children: (Child | Child[])[]) {
  parent.replaceChildren();
  append(parent, ...children);
}

/** Text with <mark> highlights from the search API: everything else is kept as plain text. */
export function highlighted(html: string): Node[] {
  const body = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html').body;
  return [...body.childNodes].map((node) =>
    node.nodeName === 'MARK' ? h('mark', {}, node.textContent ?? '') : document.createTextNode(node.textContent ?? '')
  );
}

/** Plain paragraphs from a richtext (markdown) field; formatting marks are dropped rather than rendered as HTML. */
export function paragraphs(text: string | null | undefined): HTMLElement[] {
  return (text ?? '')
    .split(/\n{2,}/)
    .map((block) => block.replace(/[*_#>`]/g, '').trim())
    .filter(Boolean)
    .map((block) => h('p', {}, block));
}

/** A polite message for screen readers and everyone else; errors interrupt (role=alert). */
export function notice(message: string, kind: 'status' | 'error' = 'status'): HTMLElement {
  return h('p', { class: `notice notice-${kind}`, role: kind === 'error' ? 'alert' : 'status' }, message);
}
