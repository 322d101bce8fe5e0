import type { LoaderFunctionArgs } from "@remix-run/node";
import { orNotFound } from "../components/operations/responses.server";
import { isDomainError } from "../domain/errors";
import { requireUser } from "../utils/auth.server";

/** The owner's bulk-check result as CSV (audited as bulk_check.exported). */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { actor } = await requireUser(request, context);
  try {
    const { csv, filename } = await context.services.deconfliction.exportBulkCheck({ actor, bulkCheckId: params.id ?? "" });
    return new Response(csv, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="${filename}"`,
        "Cache-Control": "no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  } catch (err) {
    if (isDomainError(err) && err.code === "conflict") return new Response("The check has not finished.", { status: 409, headers: { "Content-Type": "text/plain; charset=utf-8" } });
    return orNotFound(() => Promise.reject(err));
  }
}
