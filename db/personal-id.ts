/** The ids of the user's own entries. */

/** Random bytes drawn in one call for many ids: an import of a termbase names tens of thousands. */
const idPool = new DataView(new ArrayBuffer(8 * 512));
let idPoolAt = idPool.byteLength;

/** A fresh personal id: "p-" and 12 random base-36 characters. */
export function newPersonalId(): string {
  if (idPoolAt === idPool.byteLength) {
    crypto.getRandomValues(new Uint8Array(idPool.buffer));
    idPoolAt = 0;
  }
  const n = idPool.getBigUint64(idPoolAt);
  idPoolAt += 8;
  return `p-${n.toString(36).padStart(12, '0').slice(0, 12)}`;
}
