// What PostgreSQL can hold in a text column and give back unchanged: no NUL (it refuses the whole
// statement) and no lone UTF-16 surrogate (it would arrive as U+FFFD, so a value read back would
// not equal the one sent). Values decoded from a URL or a request are checked with this before
// they reach a query.

const UNSTORABLE = /\u0000|\p{Cs}/u;

export function isStorableText(text: string): boolean {
  return !UNSTORABLE.test(text);
}

/** The largest value of a BIGINT column. */
export const BIGINT_MAX = 9_223_372_036_854_775_807n;

/** The field error for such text: typed by hand it is nearly always a paste from a binary file. */
export const UNSTORABLE_TEXT_MESSAGE = "Remove the control character (such as NUL) or broken character from this text: it can't be saved.";
