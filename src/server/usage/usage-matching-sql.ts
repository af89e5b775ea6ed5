import "server-only";
import { ineligibleReasonSql, quarterStartSql, TERMS_CTE } from "./eligibility-sql";

// One statement turns a report's accepted lines (the temporary table usage_in, COPYed by the job)
// into its usage_lines (decision 014):
// 1. match by normalised identifier (a merged work answers for the work it went into);
// 2. else by exact normalised title and year (title alone when the line gives no year), among
//    enrolled works: one candidate matches, several make the line AMBIGUOUS;
// 3. else a staff decision remembered for the same key (MatchDecision.rawKey, src/lib/usage/
//    match-keys.ts): matched to its work, or rejected;
// 4. lines of the same work and purpose (or, unmatched, the same key and purpose) are summed into
//    one, which keeps the first line's number and says how many it holds;
// 5. a matched line's eligibility comes from the rule (eligibility-sql.ts) for the report's
//    licensee ($2) and quarter ($3); a rejected one is NOT_MATCHED; an open one waits (PENDING).

export const USAGE_IN_TABLE = `CREATE TEMP TABLE usage_in (
  line int NOT NULL, raw_identifier text, raw_title text, raw_year int, purpose "Purpose" NOT NULL, units bigint NOT NULL,
  id_type "IdentifierType", id_value text, norm_title text
) ON COMMIT DROP`;

const qs = `${quarterStartSql("$3::text")}`;

export const MATCH_AND_INSERT_SQL = `
WITH ${TERMS_CTE},
ided AS (
  SELECT u.*, COALESCE(CASE WHEN w.status = 'MERGED' THEN w."mergedIntoId" END, w.id) AS id_work
    FROM usage_in u
    LEFT JOIN work_identifiers wi ON wi.type = u.id_type AND wi.value = u.id_value
    LEFT JOIN works w ON w.id = wi."workId"
),
ty AS (
  SELECT w."normalizedTitle" AS t, w."publicationYear" AS y, min(w.id) AS id, count(*) AS n
    FROM works w
   WHERE w.status = 'ENROLLED' AND w."normalizedTitle" IN (SELECT norm_title FROM ided WHERE id_work IS NULL AND norm_title IS NOT NULL)
   GROUP BY 1, 2
),
t1 AS (SELECT t, min(id) AS id, sum(n) AS n FROM ty GROUP BY t),
matched AS (
  SELECT i.*,
         CASE WHEN i.id_work IS NOT NULL THEN i.id_work
              WHEN i.raw_year IS NOT NULL AND ty.n = 1 THEN ty.id
              WHEN i.raw_year IS NULL AND t1.n = 1 THEN t1.id END AS auto_work,
         CASE WHEN i.id_work IS NOT NULL THEN 'IDENTIFIER' ELSE 'TITLE_YEAR' END AS auto_method,
         COALESCE(CASE WHEN i.raw_year IS NOT NULL THEN ty.n ELSE t1.n END, 0) > 1 AS ambiguous,
         CASE WHEN i.id_type IS NOT NULL THEN 'id:' || i.id_type || ':' || i.id_value
              ELSE 'title:' || i.norm_title || '|' || COALESCE(i.raw_year::text, '') END AS raw_key
    FROM ided i
    LEFT JOIN ty ON i.id_work IS NULL AND i.raw_year IS NOT NULL AND ty.t = i.norm_title AND ty.y = i.raw_year
    LEFT JOIN t1 ON i.id_work IS NULL AND i.raw_year IS NULL AND t1.t = i.norm_title
),
decided AS (
  SELECT m.line, m.purpose, m.units, m.raw_key,
         COALESCE(m.auto_work, md."workId") AS work_id,
         CASE WHEN m.auto_work IS NOT NULL OR md."workId" IS NOT NULL THEN 'MATCHED'
              WHEN md."isRejected" THEN 'REJECTED' WHEN m.ambiguous THEN 'AMBIGUOUS' ELSE 'UNMATCHED' END AS status,
         CASE WHEN m.auto_work IS NOT NULL THEN m.auto_method WHEN md."rawKey" IS NOT NULL THEN 'REMEMBERED' END AS method
    FROM matched m
    LEFT JOIN match_decisions md ON m.auto_work IS NULL AND md."rawKey" = m.raw_key
),
groups AS (
  SELECT min(line) AS line, count(*)::int AS n, sum(units)::bigint AS units, purpose, min(status) AS status, min(method) AS method, min(work_id) AS work_id
    FROM decided
   GROUP BY purpose, CASE WHEN work_id IS NOT NULL THEN 'w:' || work_id ELSE status || ':' || raw_key END
)
INSERT INTO usage_lines ("reportId", "lineNumber", "rawIdentifier", "rawTitle", "rawYear", purpose, units, "identifierType", "normalizedIdentifier",
                         "normalizedTitle", "matchStatus", "matchMethod", "workId", eligibility, "ineligibleReason", "mergedLineCount")
SELECT $1::uuid, g.line, u.raw_identifier, u.raw_title, u.raw_year, g.purpose, g.units, u.id_type, u.id_value, u.norm_title,
       g.status::"MatchStatus", g.method::"MatchMethod", g.work_id,
       (CASE WHEN g.status = 'MATCHED' THEN CASE WHEN r.reason IS NULL THEN 'ELIGIBLE' ELSE 'INELIGIBLE' END
             WHEN g.status = 'REJECTED' THEN 'INELIGIBLE' ELSE 'PENDING' END)::"Eligibility",
       CASE WHEN g.status = 'MATCHED' THEN r.reason WHEN g.status = 'REJECTED' THEN 'NOT_MATCHED' END,
       g.n
  FROM groups g
  JOIN usage_in u ON u.line = g.line
  LEFT JOIN works w ON w.id = g.work_id
  LEFT JOIN rightsholder_profiles rp ON rp."organizationId" = w."rightsholderId"
  CROSS JOIN LATERAL (
    SELECT CASE WHEN g.work_id IS NULL THEN NULL
                ELSE ${ineligibleReasonSql({ org: "$2::uuid", qs, qe: `(${qs} + interval '3 months')::date`, purpose: "g.purpose", w: "w", rp: "rp" })} END AS reason
  ) r`;
