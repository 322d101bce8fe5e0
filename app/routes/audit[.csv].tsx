import { parseWithZod } from "@conform-to/zod";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { auditFilterSchema } from "../domain/audit/schemas";
import { requireRole } from "../utils/auth.server";

/** The office log under the current filters, as a CSV download (audited as audit.exported). */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { actor, user } = await requireRole(request, context, ["office_lead", "admin"]);
  const submission = parseWithZod(new URL(request.url).searchParams, { schema: auditFilterSchema });
  if (submission.status !== "success") {
    return new Response("The filters are not valid.", { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
  const { csv, filename } = await context.services.audit.exportCsv({ actor, input: submission.value, timeZone: user.timeZone });
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
