/** Waits until `check()` holds (polling every 20 ms), or fails after `ms`: for what renders or lands asynchronously. */
export async function until(check: () => boolean, ms = 3000) {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}
