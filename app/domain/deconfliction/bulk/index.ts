// The bulk-check verbs, bound with the other deconfliction verbs.
import { getBulkCheck, listBulkCheckRows, listBulkChecks, exportBulkCheck } from "./read-bulk-checks";
import { runNextBulkCheck } from "./run-bulk-check";
import { startBulkCheck } from "./start-bulk-check";
import { uploadBulkCheck } from "./upload-bulk-check";

export const bulkVerbs = { uploadBulkCheck, startBulkCheck, listBulkChecks, getBulkCheck, listBulkCheckRows, exportBulkCheck, runNextBulkCheck };
