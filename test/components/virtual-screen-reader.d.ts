// The package's browser build (one ES module, its CommonJS dependencies bundled in) has no types
// of its own in its `exports`; they are the package's.
declare module '@guidepup/virtual-screen-reader/browser.js' {
  export * from '@guidepup/virtual-screen-reader';
}
