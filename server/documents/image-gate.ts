import { MAX_IMAGE_PIXELS } from '../../shared/document-rules.ts';

/** The line is full: the upload is answered "try again later" rather than held in memory. */
export class ImageGateFull extends Error {
  constructor() {
    super('image gate full');
  }
}

export interface ImageGate {
  /** Runs `task` once there is room for an image of `pixels` pixels; waits its turn otherwise. */
  run<T>(pixels: number, task: () => Promise<T>): Promise<T>;
  readonly stats: { active: number; waiting: number; pixels: number };
}

/**
 * How many images are decoded at once. A decoded image costs the server about 6 bytes a pixel
 * (300 MB for 50 megapixels), so: at most `maxConcurrent` at a time, and never more than
 * `maxPixels` between them (two phone photos of 12 MP together, a 50 MP one alone). The others
 * wait, first come first served, so a large image is not passed over forever by small ones.
 */
export function createImageGate({ maxConcurrent, maxPixels, maxWaiting = Infinity }: { maxConcurrent: number; maxPixels: number; maxWaiting?: number }): ImageGate {
  let active = 0;
  let pixels = 0;
  const waiting: Array<{ pixels: number; start: () => void }> = [];
  // One image alone may always run (the caller has refused any larger than the limit).
  const fits = (n: number) => active === 0 || (active < maxConcurrent && pixels + n <= maxPixels);
  const take = (n: number) => {
    active++;
    pixels += n;
  };
  const wake = () => {
    while (waiting.length && fits(waiting[0].pixels)) {
      const next = waiting.shift()!;
      take(next.pixels);
      next.start();
    }
  };
  return {
    async run(n, task) {
      if (!waiting.length && fits(n)) take(n);
      else if (waiting.length >= maxWaiting) throw new ImageGateFull();
      else await new Promise<void>((start) => waiting.push({ pixels: n, start }));
      try {
        return await task();
      } finally {
        active--;
        pixels -= n;
        wake();
      }
    },
    get stats() {
      return { active, waiting: waiting.length, pixels };
    },
  };
}

/**
 * The server's one gate: two images at a time, at most one largest image's worth of pixels, and
 * at most 16 waiting (each holds its upload, up to UPLOAD_MAX_BYTES, in memory while it waits).
 */
export const imageGate = createImageGate({ maxConcurrent: 2, maxPixels: MAX_IMAGE_PIXELS, maxWaiting: 16 });
