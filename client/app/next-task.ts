/**
 * Resolves in a later task (a macrotask), not in a microtask of this one: the browser may paint
 * and answer a tap in between. What runs after it is one task of its own, which keeps a slow
 * phone's tasks short (docs/performance.md).
 */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve));
}
