// Limits of a bulk check; pure, so the upload page shows the same numbers the reader enforces.
export const MAX_BULK_BYTES = 20 * 1024 * 1024;
export const MAX_BULK_ROWS = 200_000;
export const MAX_BULK_COLUMNS = 50;
export const MAX_CELL_LENGTH = 500;
