// Stripe's SDK sends application/x-www-form-urlencoded bodies with bracket notation:
// `metadata[org]=x`, `capabilities[transfers][requested]=true`, `expand[0]=y`. This turns them
// back into the nested object the API reference describes.
export type FormValue = string | FormValue[] | { [key: string]: FormValue };

export function parseStripeForm(body: string): Record<string, FormValue> {
  const root: Record<string, FormValue> = {};
  for (const [rawKey, value] of new URLSearchParams(body)) {
    const path = rawKey.replace(/\]/g, "").split("[");
    let node: Record<string, FormValue> | FormValue[] = root;
    path.forEach((segment, index) => {
      const isLast = index === path.length - 1;
      const key = segment === "" && Array.isArray(node) ? String(node.length) : segment;
      if (isLast) {
        (node as Record<string, FormValue>)[key] = value;
        return;
      }
      const nextIsIndex = /^\d*$/.test(path[index + 1]!);
      const container = node as Record<string, FormValue>;
      container[key] ??= nextIsIndex ? [] : {};
      node = container[key] as Record<string, FormValue> | FormValue[];
    });
  }
  return root;
}
