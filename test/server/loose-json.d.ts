/**
 * Server tests read response bodies loosely and assert on the shapes they expect: without the DOM
 * library, Node's `Response.json()` is `Promise<unknown>`; this gives it the DOM's `Promise<any>`.
 * Test-only: the server project itself does not see this file.
 */
declare global {
  interface Response {
    json(): Promise<any>;
  }
}
export {};
