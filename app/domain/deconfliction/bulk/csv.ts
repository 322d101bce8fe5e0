// Reading an uploaded CSV: UTF-8 with or without a BOM, delimiter , ; or tab,
// a header row guessed (the officer confirms it in the mapping step).
import { parse } from "csv-parse/sync";
import { Invalid } from "../../errors";

import { MAX_BULK_BYTES, MAX_BULK_COLUMNS, MAX_BULK_ROWS } from "./limits";

export { MAX_BULK_BYTES, MAX_BULK_COLUMNS, MAX_BULK_ROWS };
const DELIMITERS = [",", ";", "\t"] as const;
export type Delimiter = (typeof DELIMITERS)[number];

export interface ParsedCsv {
  delimiter: Delimiter;
  /** the first record looks like column names rather than data */
  headerGuess: boolean;
  columns: number;
  /** every record, the first one included */
  records: string[][];
}

const refuse = (code: string, params?: Record<string, unknown>) => Invalid({ file: [params ? `bulk:errors.${code}|${JSON.stringify(params)}` : `bulk:errors.${code}`] });

function decode(bytes: Uint8Array): string {
  if (bytes.length === 0) throw refuse("empty");
  if (bytes.length > MAX_BULK_BYTES) throw refuse("too_large", { mb: MAX_BULK_BYTES / 1024 / 1024 });
  // a NUL byte is never in a text file: a spreadsheet, an image or an archive was chosen
  if (bytes.subarray(0, 8192).includes(0)) throw refuse("not_csv");
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw refuse("not_utf8");
  }
}

function records(text: string, delimiter: Delimiter, toLine?: number): string[][] {
  return parse(text, {
    delimiter,
    bom: true,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    skip_records_with_empty_values: true,
    ...(toLine ? { to_line: toLine } : {}),
  }) as string[][];
}

/** The delimiter that splits the first lines into the same number (more than one) of columns most often. */
function detectDelimiter(text: string): Delimiter {
  let best: { d: Delimiter; score: number } = { d: ",", score: 0 };
  for (const d of DELIMITERS) {
    let sample: string[][];
    try {
      sample = records(text, d, 50);
    } catch {
      continue;
    }
    const counts = new Map<number, number>();
    for (const r of sample) counts.set(r.length, (counts.get(r.length) ?? 0) + 1);
    for (const [width, n] of counts) {
      const score = width > 1 ? n * 10 + width : 0;
      if (score > best.score) best = { d, score };
    }
  }
  return best.d;
}

const looksLikeData = (cell: string) => /@/.test(cell) || (cell.match(/\d/g)?.length ?? 0) >= 5;

export function readCsv(bytes: Uint8Array): ParsedCsv {
  const text = decode(bytes);
  const delimiter = detectDelimiter(text);
  let all: string[][];
  try {
    all = records(text, delimiter);
  } catch {
    throw refuse("not_csv");
  }
  const rows = all.map((r) => r.map((c) => c.trim())).filter((r) => r.some((c) => c !== ""));
  if (rows.length === 0) throw refuse("empty");
  const columns = Math.max(...rows.slice(0, 1000).map((r) => r.length));
  if (columns > MAX_BULK_COLUMNS) throw refuse("too_many_columns", { max: MAX_BULK_COLUMNS });
  const first = rows[0]!;
  const headerGuess = rows.length > 1 && !first.some(looksLikeData) && rows.slice(1, 20).some((r) => r.some(looksLikeData));
  if (rows.length - (headerGuess ? 1 : 0) > MAX_BULK_ROWS) throw refuse("too_many_rows", { max: MAX_BULK_ROWS });
  return { delimiter, headerGuess, columns, records: rows };
}
