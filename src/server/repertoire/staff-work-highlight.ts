import "server-only";
import { normalizeTitle } from "@/lib/titles";
import type { SearchWord } from "./staff-work-search-sql";

// Highlighting for the staff search, done on the text as the rightsholder typed it: each run of
// letters and digits is normalised as the search normalises it and marked when it is one of the
// words searched for (or starts with a "word*"). The page renders the pieces as React text, a
// match in <mark>; nothing is ever injected as HTML, whatever the title contains.

export type Segment = { text: string; isMatch: boolean };

const WORD_RUNS = /([\p{L}\p{M}\p{N}]+)/u;

const ASCII = /^[\x00-\x7f]*$/;

function matches(token: string, words: SearchWord[]): boolean {
  // A run of ASCII letters and digits normalises to itself in lower case (the common case, and cheap).
  const parts = ASCII.test(token) ? [token.toLowerCase()] : normalizeTitle(token).split(" ");
  return parts.some((part) => part !== "" && words.some((w) => (w.isPrefix ? part.startsWith(w.word) : part === w.word)));
}

/** `text` cut into pieces, the searched words marked; neighbouring pieces of one kind are joined. */
export function highlightText(text: string, words: SearchWord[]): Segment[] {
  if (words.length === 0) return [{ text, isMatch: false }];
  const segments: Segment[] = [];
  for (const piece of text.split(WORD_RUNS)) {
    if (piece === "") continue;
    const isMatch = WORD_RUNS.test(piece) && matches(piece, words);
    const last = segments.at(-1);
    if (last && last.isMatch === isMatch) last.text += piece;
    else segments.push({ text: piece, isMatch });
  }
  return segments;
}
