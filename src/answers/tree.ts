/** Walking jsonc-parser's syntax tree: building the value, finding duplicates, locating paths. */
import type { Node } from 'jsonc-parser';
import type { PathSegment } from './describe.js';

export interface DuplicateKey {
  /** Path of the object holding the key. */
  parent: PathSegment[];
  key: string;
  /** The earlier occurrence's key node and the later one (the one reported). */
  first: Node;
  again: Node;
}

/**
 * The plain JavaScript value of a tree, last key winning like JSON.parse, plus every duplicate key.
 * Own properties are defined explicitly so a key such as "__proto__" is kept as data (and then
 * reported as an unknown field) instead of changing the object's prototype.
 */
export function treeValue(root: Node): { value: unknown; duplicates: DuplicateKey[] } {
  const duplicates: DuplicateKey[] = [];
  const build = (node: Node, path: PathSegment[]): unknown => {
    switch (node.type) {
      case 'object': {
        const obj: Record<string, unknown> = {};
        const seen = new Map<string, Node>();
        for (const prop of node.children ?? []) {
          const [keyNode, valueNode] = prop.children ?? [];
          if (!keyNode || !valueNode) continue; // only after a syntax error, which is reported
          const key = String(keyNode.value);
          const first = seen.get(key);
          if (first) duplicates.push({ parent: path, key, first, again: keyNode });
          else seen.set(key, keyNode);
          const value = build(valueNode, [...path, key]);
          Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
        }
        return obj;
      }
      case 'array':
        return (node.children ?? []).map((child, i) => build(child, [...path, i]));
      default:
        return node.value;
    }
  };
  return { value: build(root, []), duplicates };
}

/** The property node for `key` in an object node; the last one, matching the value JSON keeps. */
export function propertyNode(object: Node, key: string): Node | undefined {
  let found: Node | undefined;
  for (const prop of object.children ?? []) if (prop.children?.[0]?.value === key) found = prop;
  return found;
}

/**
 * The node at `path`, or the deepest existing ancestor when the path goes beyond the file (a
 * missing field is located at the object that should hold it).
 */
export function nodeAt(root: Node, path: readonly PathSegment[]): { node: Node; exact: boolean } {
  let node = root;
  for (const seg of path) {
    let next: Node | undefined;
    if (node.type === 'object' && typeof seg === 'string') next = propertyNode(node, seg)?.children?.[1];
    else if (node.type === 'array' && typeof seg === 'number') next = node.children?.[seg];
    if (!next) return { node, exact: false };
    node = next;
  }
  return { node, exact: true };
}
