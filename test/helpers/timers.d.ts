/** The one timer these environment-neutral helpers use; both the browser and Node define it. */
declare function setTimeout(callback: (value?: unknown) => void, ms?: number): unknown;
