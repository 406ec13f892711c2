/** 3 × 16 KiB: a multiple of 3, so the base64 of each chunk can simply be concatenated. */
const CHUNK = 3 * 16 * 1024;
/** String.fromCharCode(...) takes its arguments on the stack: keep each spread small. */
const SPREAD = 8 * 1024;

const nextTick = (): Promise<void> => new Promise((r) => setTimeout(r, 0));

/**
 * File bytes → base64, chunk by chunk, yielding to the page now and then so a file of tens of MB
 * does not freeze the screen. `onProgress` gets the fraction done (0..1).
 */
export async function toBase64(buf: ArrayBuffer, onProgress?: (fraction: number) => void): Promise<string> {
  const bytes = new Uint8Array(buf);
  const parts: string[] = [];
  let sinceYield = 0;
  for (let i = 0; i < bytes.length; i += CHUNK) {
    const chunk = bytes.subarray(i, Math.min(i + CHUNK, bytes.length));
    let bin = '';
    for (let j = 0; j < chunk.length; j += SPREAD) bin += String.fromCharCode(...chunk.subarray(j, j + SPREAD));
    parts.push(btoa(bin));
    sinceYield += chunk.length;
    if (sinceYield >= 1024 * 1024) {
      sinceYield = 0;
      onProgress?.(Math.min(1, (i + chunk.length) / bytes.length));
      await nextTick();
    }
  }
  onProgress?.(1);
  return parts.join('');
}
