/**
 * What a screen reader says of a Lit page: @guidepup/virtual-screen-reader walking the composed
 * (flat) tree, shadow roots included.
 *
 * The virtual screen reader (v0.33) builds its tree from `node.childNodes` and watches live regions
 * with one MutationObserver on its container: on its own it sees a Lit element as an empty box and
 * hears nothing that changes inside a shadow root. While a session runs, this helper
 * - makes `childNodes` of a shadow host answer its shadow root's children, and of a `<slot>` the
 *   nodes assigned to it (as the browser's accessibility tree does);
 * - gives the reader a MutationObserver that also observes every open shadow root, those there at
 *   the start and those attached later; a change whose target is a shadow root is reported on its
 *   host, and an inserted `role="alert"` element is reported on itself, since screen readers speak
 *   an alert when it appears (the reader alone only speaks changes inside an existing region), and
 *   a change of `class` or `style` alone is not passed on (the reader would speak the region again).
 * Everything is put back by `stop()`.
 *
 * What the reader says in each test is published in a11y/report/screen-readers/ (see the root hook
 * at the end of this file).
 */
/// <reference types="mocha" />
import { virtual } from '@guidepup/virtual-screen-reader/browser.js';
import { executeServerCommand } from '@web/test-runner-commands';

const childNodesDescriptor = Object.getOwnPropertyDescriptor(Node.prototype, 'childNodes')!;
const realAttachShadow = Element.prototype.attachShadow;

function shadowRootsUnder(node: Node, found: ShadowRoot[] = []): ShadowRoot[] {
  const elements = node instanceof Element || node instanceof ShadowRoot || node instanceof Document ? [...node.querySelectorAll('*')] : [];
  if (node instanceof Element) elements.unshift(node);
  for (const el of elements) {
    if (el.shadowRoot) {
      found.push(el.shadowRoot);
      shadowRootsUnder(el.shadowRoot, found);
    }
  }
  return found;
}

const observers = new Set<ComposedMutationObserver>();
/** Whether a reader session is open, and what the sessions of the running test said (a test may start the reader more than once). */
let running = false;
let spoken: string[] = [];

class ComposedMutationObserver extends MutationObserver {
  private options: MutationObserverInit = {};

  constructor(callback: MutationCallback) {
    super((records, observer) => callback(withoutFilledInserts(records).flatMap(translate), observer));
    observers.add(this);
  }

  override observe(target: Node, options: MutationObserverInit) {
    this.options = options;
    super.observe(target, options);
    for (const root of shadowRootsUnder(target)) super.observe(root, options);
  }

  observeRoot(root: ShadowRoot) {
    super.observe(root, this.options);
  }

  override disconnect() {
    observers.delete(this);
    super.disconnect();
  }
}

/**
 * A text node inserted, then given its text, in one batch is one change (Lit in dev mode inserts an
 * empty text node and then sets its data): browsers fire one live-region event for it; the reader
 * would speak the region once for each record.
 */
function withoutFilledInserts(records: MutationRecord[]): MutationRecord[] {
  const inserted = new Set(records.flatMap((r) => [...r.addedNodes]));
  return records.filter((r) => !(r.type === 'characterData' && inserted.has(r.target)));
}

/** A record the reader can follow: on an element, and an inserted alert as a change of the alert itself. */
function translate(record: MutationRecord): MutationRecord[] {
  // A class or style change alone changes nothing in the accessibility tree, so browsers fire no
  // live-region event for it (the reader would say the region again for each one).
  if (record.type === 'attributes' && (record.attributeName === 'class' || record.attributeName === 'style')) return [];
  // Nodes removed and none added: not spoken (aria-relevant's default is "additions text"); the reader would say the region, emptied.
  if (record.type === 'childList' && !record.addedNodes.length) return [];
  const target = record.target instanceof ShadowRoot ? record.target.host : record.target;

  const alerts = [...record.addedNodes].filter((n): n is Element => n instanceof Element && n.getAttribute('role') === 'alert');
  const asRecord = (t: Node, added: Node[]) =>
    ({ ...pick(record), target: t, addedNodes: added as unknown as NodeList, removedNodes: record.removedNodes }) as MutationRecord;
  return [asRecord(target, [...record.addedNodes]), ...alerts.map((alert) => asRecord(alert, [...alert.childNodes]))];
}

function pick(r: MutationRecord) {
  return { type: r.type, attributeName: r.attributeName, attributeNamespace: r.attributeNamespace, oldValue: r.oldValue, previousSibling: r.previousSibling, nextSibling: r.nextSibling };
}

function composedChildNodes(this: Node): NodeListOf<ChildNode> | ChildNode[] {
  if (this instanceof Element && this.shadowRoot) return this.shadowRoot.childNodes;
  if (this instanceof HTMLSlotElement) {
    const assigned = this.assignedNodes({ flatten: true }) as ChildNode[];
    if (assigned.length) return assigned;
  }
  return childNodesDescriptor.get!.call(this) as NodeListOf<ChildNode>;
}

/** Starts the reader on `container` (its shadow roots included). */
export async function startReader(container: Element) {
  Object.defineProperty(Node.prototype, 'childNodes', { ...childNodesDescriptor, get: composedChildNodes });
  Element.prototype.attachShadow = function (this: Element, init: ShadowRootInit) {
    const root = realAttachShadow.call(this, init);
    for (const o of observers) o.observeRoot(root);
    return root;
  };
  await virtual.start({ container, window: { MutationObserver: ComposedMutationObserver } as unknown as Window });
  running = true;
}

export async function stopReader() {
  // The reader forgets its log when it stops: keep it for the test's transcript.
  if (running) spoken.push(...(await virtual.spokenPhraseLog()));
  running = false;
  await virtual.stop();
  Object.defineProperty(Node.prototype, 'childNodes', childNodesDescriptor);
  Element.prototype.attachShadow = realAttachShadow;
}

/** Moves through the container once, from its start until the reader comes back to it, and returns what was said (live regions left out). */
export async function readAll(max = 600): Promise<string[]> {
  const log = await virtual.spokenPhraseLog();
  // Where the cursor is: the last phrase that is not a live region's (one may have spoken since).
  const start = log.findLastIndex((p) => !isLive(p));
  const first = log[start];
  for (let i = 0; i < max; i++) {
    await virtual.next();
    if ((await virtual.lastSpokenPhrase()) === first) break;
  }
  return (await virtual.spokenPhraseLog()).slice(start, -1).filter((p) => !isLive(p));
}

/** What the live regions said since the reader started (each "polite: …" or "assertive: …"). */
export async function announcements(): Promise<string[]> {
  // The reader handles a change one microtask after its observer is told.
  await new Promise((r) => setTimeout(r, 0));
  return (await virtual.spokenPhraseLog()).filter(isLive);
}

function isLive(phrase: string) {
  return phrase.startsWith('polite: ') || phrase.startsWith('assertive: ');
}

export { virtual };

/**
 * A root hook of every test file that uses the reader (registered when this module is imported):
 * after each test, once the file's own afterEach has stopped the reader, what it said goes to the
 * report, a11y/report/screen-readers/<journey>.txt (the journey: the top-level describe), through
 * the web-test-runner plugin of a11y/screen-reader-transcripts.mjs — the browser cannot write
 * files. A failed test's transcript is kept too, marked so: it shows what was said instead.
 */
afterEach(async function () {
  if (running) await stopReader();
  const test = this.currentTest;
  const phrases = spoken;
  spoken = [];
  if (!test || !phrases.length) return;
  const [journey, ...titles] = test.titlePath();
  await executeServerCommand('a11y-transcript', { journey: journey.replace(/^screen reader: /, ''), test: titles.join(' — '), state: test.state ?? 'inconnu', phrases });
});
