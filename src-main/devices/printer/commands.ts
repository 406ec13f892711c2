/** Raw ESC/POS bytes that are not part of a receipt document. */

/** Cash drawer pulse on connector pin 2: ESC p 0 25 250 (50 ms on, 500 ms off). */
export function drawerKickBytes(): Uint8Array {
  return Uint8Array.of(0x1b, 0x70, 0x00, 0x19, 0xfa);
}
