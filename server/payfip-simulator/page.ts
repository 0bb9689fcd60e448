import { escapeXml as esc } from '../payfip/xml.ts';

/**
 * The simulator's payment page: server-rendered HTML, plain forms, no script (the CSP allows none
 * inline), one h1, labelled buttons, visible focus, readable at 320 px and in forced colours.
 */
export function simulatorPage(opts: { title: string; body: string }): string {
  return `<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(opts.title)} — PayFiP (simulateur)</title>
<style>
  body { font: 1.05rem/1.5 system-ui, sans-serif; margin: 0; color: #1a1a1a; background: #fff; }
  header { background: #000091; color: #fff; padding: 0.75rem 1rem; }
  header p { margin: 0; font-weight: 700; }
  main { max-width: 36rem; margin: 0 auto; padding: 1rem; }
  h1 { font-size: 1.6rem; margin: 0.5rem 0 1rem; }
  dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 1rem; }
  dt { font-weight: 700; }
  dd { margin: 0; overflow-wrap: anywhere; }
  .actions { display: flex; flex-wrap: wrap; gap: 0.75rem; margin-top: 1.5rem; }
  button { font: inherit; min-height: 44px; min-width: 44px; padding: 0.5rem 1.25rem; border: 2px solid #000091; border-radius: 4px; background: #000091; color: #fff; cursor: pointer; }
  button.secondary { background: #fff; color: #000091; }
  button:focus-visible, a:focus-visible { outline: 3px solid #b34000; outline-offset: 2px; }
  a { color: #000091; }
  .note { border-left: 0.4rem solid #000091; background: #f0f0ff; padding: 0.5rem 1rem; }
  @media (forced-colors: active) {
    header { border-bottom: 1px solid CanvasText; }
    button { border-color: ButtonText; background: ButtonFace; color: ButtonText; }
    button:focus-visible, a:focus-visible { outline-color: Highlight; }
    .note { border: 1px solid CanvasText; }
  }
</style>
</head>
<body>
<header><p>PayFiP — paiement sécurisé (simulateur de Portée)</p></header>
<main>
${opts.body}
</main>
</body>
</html>`;
}

export { esc };
