import type { PurposeCode } from "./work-input";

/** What a work is, as its forms hold it while it is typed (the rightsholder's and staff's). */
export type WorkFieldValues = {
  title: string;
  contributors: string[];
  type: string;
  language: string;
  publicationYear: string;
  publisher: string;
  purposes: PurposeCode[];
  identifiers: string[];
};

/** A stored work as the forms start from: text for every field, one empty line where a list is empty. */
export function workFieldValuesOf(work: {
  title: string; contributors: string[]; type: string; language: string | null; publicationYear: number | null;
  publisher: string | null; purposes: PurposeCode[]; identifiers: { value: string }[];
}): WorkFieldValues {
  return {
    title: work.title,
    contributors: work.contributors.length > 0 ? work.contributors : [""],
    type: work.type,
    language: work.language ?? "",
    publicationYear: work.publicationYear ? String(work.publicationYear) : "",
    publisher: work.publisher ?? "",
    purposes: work.purposes,
    identifiers: work.identifiers.length > 0 ? work.identifiers.map((i) => i.value) : [""],
  };
}
