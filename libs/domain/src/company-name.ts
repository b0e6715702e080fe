/**
 * The company name as duplicate detection compares it: NFKC (full-width letters, digits and
 * brackets become half-width), lower case, without spaces, punctuation or symbols, and without
 * the legal-form suffixes (有限公司, 股份有限公司, 集团 …) that staff add or leave out at will.
 * 「株洲示例动力科技（集团）股份有限公司」 and 「株洲 示例动力科技有限公司」 both become 「株洲示例动力科技」.
 */
const SUFFIXES = [
  '集团股份有限公司',
  '集团有限责任公司',
  '集团有限公司',
  '股份有限公司',
  '有限责任公司',
  '有限公司',
  '集团公司',
  '总公司',
  '分公司',
  '公司',
  '集团',
  '股份',
  'coltd',
  'limited',
  'ltd',
  'inc',
  'corp',
].sort((a, b) => b.length - a.length);

const NOISE = /[\s\p{P}\p{S}]+/gu;

export function normaliseCompanyName(name: string): string {
  const folded = name.normalize('NFKC').toLowerCase();
  let normalised = folded.replace(NOISE, '');
  // A "name" of punctuation only keeps its characters rather than match every other such name.
  if (!normalised) return folded.replace(/\s+/g, '');
  // Strip repeatedly (「…集团有限公司」 after 「(集团)」 lost its brackets), never down to nothing.
  for (;;) {
    const suffix = SUFFIXES.find((s) => normalised.endsWith(s) && normalised.length > s.length);
    if (!suffix) return normalised;
    normalised = normalised.slice(0, -suffix.length);
  }
}

/**
 * The distinct character bigrams of a normalised name (a one-character name is its own bigram).
 * Similarity is measured on these rather than with pg_trgm's trigrams: pg_trgm keeps only the
 * characters the database's LC_CTYPE calls alphanumeric, and under the C ctype of the embedded
 * PostgreSQL every Chinese character is a separator (show_trgm('醴陵电池') is empty), so two Chinese
 * names would compare on their Latin letters and digits alone. Bigrams suit names of 4–15 characters.
 */
export function nameBigrams(normalised: string): string[] {
  const chars = Array.from(normalised);
  if (chars.length < 2) return chars.length ? [chars[0]] : [];
  const grams = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) grams.add(chars[i] + chars[i + 1]);
  return [...grams].sort();
}

/** Jaccard similarity of two bigram sets (what the duplicate query computes in SQL). */
export function bigramSimilarity(a: readonly string[], b: readonly string[]): number {
  const setB = new Set(b);
  const shared = new Set(a.filter((g) => setB.has(g))).size;
  const union = new Set([...a, ...b]).size;
  return union === 0 ? 0 : shared / union;
}

/**
 * Names whose bigram similarity (Jaccard, on the normalised names) reaches this are suspected
 * duplicates. On Chinese names of 8–15 characters one character mistyped or left out scores
 * 0.65–0.8, a different two-character city in front of the same brand about 0.55 (worth a
 * warning: often the same group), while names that share only a word such as 新能源 or 科技
 * stay below 0.3. Exact matches of the normalised name (and of the credit code) are always suspected.
 */
export const DUPLICATE_NAME_SIMILARITY = 0.5;

/**
 * A search text matches a name when this share of the text's bigrams occur in it: a partial
 * name (all its bigrams are in the full name) or one with a character wrong (most still are).
 */
export const NAME_SEARCH_COVERAGE = 0.6;

/** A registered project the new lead may duplicate, and why it was matched. */
export interface DuplicateCandidate {
  projectId: string;
  companyName: string;
  stage: string;
  matchedOn: 'credit_code' | 'name' | 'similar_name';
  /** Bigram similarity of the normalised names (1 for the same name or the same code). */
  similarity: number;
}

/** Recorded with the registration when staff confirm that the lead is not a duplicate after a warning. */
export interface DuplicateConfirmation {
  confirmedDuplicateOf: string;
  candidates: DuplicateCandidate[];
}

/**
 * The distinct character bigrams of a text as written, lower-cased: every bigram of a piece of a
 * name (matched case-insensitively) is among the name's, so a GIN index on them narrows a
 * substring search (ILIKE '%…%', which pg_trgm cannot serve for Chinese names under the C ctype)
 * to a few candidates.
 */
export function substringGrams(text: string): string[] {
  const chars = Array.from(text.toLowerCase());
  const grams = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) grams.add(chars[i] + chars[i + 1]);
  return [...grams].sort();
}

/**
 * Whether a search text may be narrowed by its substringGrams: two characters at least, and none
 * whose lower case is longer (the database lower-cases one character to one, so the containment
 * would not hold for it).
 */
export function narrowsBySubstringGrams(text: string): boolean {
  const length = Array.from(text).length;
  return length >= 2 && Array.from(text.toLowerCase()).length === length;
}
