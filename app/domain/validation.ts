import { z } from "zod";
import { Invalid } from "./errors";

/**
 * Messages are i18n keys ("validation.too_short"), with parameters after a "|"
 * as JSON, so the UI translates them once in FieldError.
 */
const errorMap: z.ZodErrorMap = (issue, ctx) => {
  switch (issue.code) {
    case z.ZodIssueCode.invalid_type:
      if (issue.received === "undefined" || issue.received === "null") return { message: "validation.required" };
      return { message: "validation.invalid" };
    case z.ZodIssueCode.too_small:
      if (issue.type === "string" && Number(issue.minimum) === 1) return { message: "validation.required" };
      if (issue.type === "array" && Number(issue.minimum) === 1) return { message: "validation.choose_one" };
      return { message: `validation.too_small|${JSON.stringify({ count: Number(issue.minimum) })}` };
    case z.ZodIssueCode.too_big:
      return { message: `validation.too_big|${JSON.stringify({ count: Number(issue.maximum) })}` };
    case z.ZodIssueCode.invalid_string:
      if (issue.validation === "email") return { message: "validation.email" };
      if (issue.validation === "uuid") return { message: "validation.invalid" };
      return { message: "validation.invalid" };
    case z.ZodIssueCode.invalid_enum_value:
      return { message: "validation.choose_valid" };
    case z.ZodIssueCode.invalid_date:
      return { message: "validation.date" };
    default:
      return { message: ctx.defaultError.startsWith("validation.") ? ctx.defaultError : "validation.invalid" };
  }
};
z.setErrorMap(errorMap);
export { z };

export function fieldErrors(error: z.ZodError): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "_form";
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

/** Parses untrusted input or throws Invalid with per-field i18n keys. */
export function parseInput<S extends z.ZodTypeAny>(schema: S, input: unknown): z.output<S> {
  const r = schema.safeParse(input);
  if (!r.success) throw Invalid(fieldErrors(r.error));
  return r.data;
}
