import "server-only";
import { ineligibleReasonSql, type Window } from "./eligibility-sql";

// The statements that turn a report's accepted lines (the temporary table usage_in, COPYed by the
// job) into its usage_lines (decision 014), each one pass over the lines:
// 1. match by normalised identifier (a merged work answers for the work it went into);
// 2. else by exact normalised title and year (title alone when the line gives no year), among
//    enrolled works: one candidate matches, several make the line AMBIGUOUS;
// 3. else a staff decision remembered for the same key (MatchDecision.rawKey, src/lib/usage/
//    match-keys.ts): matched to its work, or rejected;
// 4. lines of the same work and purpose (or, unmatched, the same key and purpose) are summed into
//    one, which keeps the first line's number and says how many it holds, and a matched line's
//    eligibility comes from the rule (eligibility-sql.ts) for the days the report was licensed.

export const USAGE_IN_TABLE = `CREATE TEMP TABLE usage_in (
  line int NOT NULL, raw_identifier text, raw_title text, raw_year int, purpose "Purpose" NOT NULL, units bigint NOT NULL,
  id_type "IdentifierType", id_value text, norm_title text, work_id int, status text, method text
) ON COMMIT DROP`;

/** The key a staff decision is remembered by, as src/lib/usage/match-keys.ts writes it. */
const RAW_KEY = `CASE WHEN u.id_type IS NOT NULL THEN 'id:' || u.id_type || ':' || u.id_value ELSE 'title:' || u.norm_title || '|' || COALESCE(u.raw_year::text, '') END`;

export const MATCH_STEPS = [
  `UPDATE usage_in u SET work_id = COALESCE(CASE WHEN w.status = 'MERGED' THEN w."mergedIntoId" END, w.id), status = 'MATCHED', method = 'IDENTIFIER'
     FROM work_identifiers wi JOIN works w ON w.id = wi."workId"
    WHERE u.id_type IS NOT NULL AND wi.type = u.id_type AND wi.value = u.id_value`,
  `CREATE TEMP TABLE title_candidates ON COMMIT DROP AS
   SELECT w."normalizedTitle" AS t, w."publicationYear" AS y, min(w.id) AS id, count(*)::int AS n
     FROM works w
    WHERE w.status = 'ENROLLED' AND w."normalizedTitle" IN (SELECT norm_title FROM usage_in WHERE status IS NULL AND norm_title IS NOT NULL)
    GROUP BY 1, 2`,
  `UPDATE usage_in u SET work_id = CASE WHEN c.n = 1 THEN c.id END, status = CASE WHEN c.n = 1 THEN 'MATCHED' ELSE 'AMBIGUOUS' END, method = CASE WHEN c.n = 1 THEN 'TITLE_YEAR' END
     FROM title_candidates c
    WHERE u.status IS NULL AND u.raw_year IS NOT NULL AND c.t = u.norm_title AND c.y = u.raw_year`,
  `UPDATE usage_in u SET work_id = CASE WHEN c.n = 1 THEN c.id END, status = CASE WHEN c.n = 1 THEN 'MATCHED' ELSE 'AMBIGUOUS' END, method = CASE WHEN c.n = 1 THEN 'TITLE_YEAR' END
     FROM (SELECT t, min(id) AS id, sum(n)::int AS n FROM title_candidates GROUP BY t) c
    WHERE u.status IS NULL AND u.raw_year IS NULL AND c.t = u.norm_title`,
  `UPDATE usage_in u SET work_id = md."workId", status = CASE WHEN md."isRejected" THEN 'REJECTED' ELSE 'MATCHED' END, method = 'REMEMBERED'
     FROM match_decisions md
    WHERE (u.status IS NULL OR u.status = 'AMBIGUOUS') AND md."rawKey" = ${RAW_KEY}`,
];

/** Step 4: $1 is the report's id. */
export function insertLinesSql(windows: Window[]): string {
  return `
INSERT INTO usage_lines ("reportId", "lineNumber", "rawIdentifier", "rawTitle", "rawYear", purpose, units, "identifierType", "normalizedIdentifier",
                         "normalizedTitle", "matchStatus", "matchMethod", "workId", eligibility, "ineligibleReason", "mergedLineCount")
SELECT $1::uuid, x.line, x.raw_identifier, x.raw_title, x.raw_year, x.purpose, x.units, x.id_type, x.id_value, x.norm_title,
       x.status::"MatchStatus", x.method::"MatchMethod", x.work_id,
       (CASE WHEN x.status = 'MATCHED' THEN CASE WHEN x.reason IS NULL THEN 'ELIGIBLE' ELSE 'INELIGIBLE' END
             WHEN x.status = 'REJECTED' THEN 'INELIGIBLE' ELSE 'PENDING' END)::"Eligibility",
       CASE WHEN x.status = 'MATCHED' THEN x.reason WHEN x.status = 'REJECTED' THEN 'NOT_MATCHED' END,
       x.n
  FROM (
    SELECT g.*, u.raw_identifier, u.raw_title, u.raw_year, u.id_type, u.id_value, u.norm_title,
           CASE WHEN g.work_id IS NOT NULL THEN ${ineligibleReasonSql(windows, { purpose: "g.purpose", w: "w", rp: "rp" })} END AS reason
      FROM (SELECT min(line) AS line, count(*)::int AS n, sum(units)::bigint AS units, purpose, COALESCE(min(status), 'UNMATCHED') AS status,
                   min(method) AS method, min(work_id) AS work_id
              FROM usage_in u
             GROUP BY purpose, work_id, CASE WHEN work_id IS NULL THEN COALESCE(status, 'UNMATCHED') || ':' || ${RAW_KEY} END) g
      JOIN usage_in u ON u.line = g.line
      LEFT JOIN works w ON w.id = g.work_id
      LEFT JOIN rightsholder_profiles rp ON rp."organizationId" = w."rightsholderId"
  ) x`;
}
