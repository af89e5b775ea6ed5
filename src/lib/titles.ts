// The title match key of shared/DOMAIN.md ("exact normalised title + year"): case, accents,
// punctuation and spacing do not distinguish two titles; words and their order do.
export function normalizeTitle(title: string): string {
  return title
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}
