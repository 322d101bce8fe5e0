/**
 * Scores at or above this are reported as a possible hit. Chosen for recall:
 * a false hit costs two officers a phone call, a missed one can cost an
 * operation. bench/matching measures precision and recall at this value.
 */
export const PERSON_MATCH_THRESHOLD = 0.85;

/** The default threshold of the deconfliction matcher. */
export const DEFAULT_MATCH_THRESHOLD = PERSON_MATCH_THRESHOLD;
