// Duplicate detection at lead registration (issue 10, item 4): the projects already registered
// under the same credit code, the same normalised name, or a name similar enough (character bigrams).
import { DUPLICATE_NAME_SIMILARITY, nameBigrams, type DuplicateCandidate } from '@zs/domain';
import type { Queryable } from '../database';

export interface DuplicateQuery {
  normalizedName: string;
  creditCode: string | null;
  /** The project being registered (a retry with the same Idempotency-Key is not its own duplicate). */
  excludeProjectId: string;
}

/** At most this many candidates are named: enough to recognise the company, short enough to read. */
const MAX_CANDIDATES = 10;

/**
 * Candidates, code matches first, then by similarity. `&&` (some bigram in common) lets the GIN
 * index find the names worth scoring; the score is the Jaccard similarity of the bigram sets and
 * the threshold the domain's DUPLICATE_NAME_SIMILARITY.
 */
export async function findDuplicateCandidates(db: Queryable, query: DuplicateQuery): Promise<DuplicateCandidate[]> {
  const grams = nameBigrams(query.normalizedName);
  const rows: Array<{ id: string; company_name: string; stage: string; code_match: boolean; name_match: boolean; similarity: number }> = await db.query(
    `SELECT * FROM (
       SELECT id, company_name, stage, registered_at,
              (credit_code IS NOT NULL AND credit_code = $2) AS code_match,
              normalized_name = $1 AS name_match,
              (SELECT count(*) FROM unnest(name_bigrams) g WHERE g = ANY($4::text[]))::float8
                / NULLIF(cardinality(ARRAY(SELECT DISTINCT unnest(name_bigrams || $4::text[]))), 0) AS similarity
         FROM projects
        WHERE id <> $3::uuid
          AND ((credit_code IS NOT NULL AND credit_code = $2) OR normalized_name = $1 OR name_bigrams && $4::text[])
     ) c
     WHERE code_match OR name_match OR similarity >= $5
     ORDER BY code_match DESC, name_match DESC, similarity DESC, registered_at ASC, id ASC
     LIMIT $6`,
    [query.normalizedName, query.creditCode, query.excludeProjectId, grams, DUPLICATE_NAME_SIMILARITY, MAX_CANDIDATES],
  );
  return rows.map((r) => ({
    projectId: r.id,
    companyName: r.company_name,
    stage: r.stage,
    matchedOn: r.code_match ? 'credit_code' : r.name_match ? 'name' : 'similar_name',
    similarity: r.code_match || r.name_match ? 1 : Math.round((r.similarity ?? 0) * 1000) / 1000,
  }));
}
