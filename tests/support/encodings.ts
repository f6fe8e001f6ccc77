/** Files as other programs write them, for the import tests. */

/**
 * windows-1251 bytes of a string, as Excel saves "CSV" in a Russian locale:
 * Russian letters, ASCII, Ё/ё, і, « »; any other letter becomes "?", as Excel
 * writes a letter the code page lacks.
 */
export function cp1251(text: string): Uint8Array {
  const out: number[] = [];
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) out.push(c);
    else if (c >= 0x410 && c <= 0x44f) out.push(c - 0x410 + 0xc0);
    else if (ch === 'ё') out.push(0xb8);
    else if (ch === 'Ё') out.push(0xa8);
    else if (ch === 'і') out.push(0xb3);
    else if (ch === '«') out.push(0xab);
    else if (ch === '»') out.push(0xbb);
    else out.push(0x3f);
  }
  return Uint8Array.from(out);
}
