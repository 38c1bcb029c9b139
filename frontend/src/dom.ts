/** Talk to Home Assistant's frontend the way its own elements do: by events. */

/** Fire an event that bubbles out of shadow roots, as the frontend's own do. */
export function fireEvent(node: Element, type: string, detail: unknown = {}): void {
  node.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
}
