import "server-only";

// Which line of the file first named each identifier, for files of millions of rows: a row that
// repeats an identifier of an earlier row is rejected, wherever the two fall in the file, so a
// file with repeats gives the same result on every import (batches alone would let the later row
// update the earlier one's work, and a re-import flip it back). Keys are kept as two 32-bit hashes
// in an open-addressing table (12 bytes a key, ~24 MB for a million), not as strings; two
// different identifiers share both hashes with odds around 1 in 10^7 for a file of a million.

export class FirstOccurrence {
  private capacity = 1 << 16;
  private hashes = new Uint32Array(this.capacity * 2);
  private lines = new Int32Array(this.capacity);
  private size = 0;

  /** The line that first named `key`; records `line` for it (and returns it) when none did. */
  firstLine(key: string, line: number): number {
    let h1 = 0x811c9dc5;
    let h2 = 0x9747b28c;
    for (let i = 0; i < key.length; i++) {
      const c = key.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 0x01000193);
      h2 = Math.imul(h2 ^ c, 0x5bd1e995);
      h2 ^= h2 >>> 15;
    }
    h1 = fmix(h1) >>> 0;
    h2 = fmix(h2) >>> 0 || 1; // (x, 0) marks an empty slot
    let slot = h1 & (this.capacity - 1);
    for (;;) {
      const stored2 = this.hashes[slot * 2 + 1]!;
      if (stored2 === 0) break;
      if (stored2 === h2 && this.hashes[slot * 2] === h1) return this.lines[slot]!;
      slot = (slot + 1) & (this.capacity - 1);
    }
    this.hashes[slot * 2] = h1;
    this.hashes[slot * 2 + 1] = h2;
    this.lines[slot] = line;
    if (++this.size * 4 > this.capacity * 3) this.grow();
    return line;
  }

  private grow() {
    const oldHashes = this.hashes;
    const oldLines = this.lines;
    this.capacity *= 2;
    this.hashes = new Uint32Array(this.capacity * 2);
    this.lines = new Int32Array(this.capacity);
    for (let old = 0; old < oldLines.length; old++) {
      const h2 = oldHashes[old * 2 + 1]!;
      if (h2 === 0) continue;
      const h1 = oldHashes[old * 2]!;
      let slot = h1 & (this.capacity - 1);
      while (this.hashes[slot * 2 + 1] !== 0) slot = (slot + 1) & (this.capacity - 1);
      this.hashes[slot * 2] = h1;
      this.hashes[slot * 2 + 1] = h2;
      this.lines[slot] = oldLines[old]!;
    }
  }
}

function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}
