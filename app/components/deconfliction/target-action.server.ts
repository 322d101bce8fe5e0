// The register, edit and check forms, read the same way by every route that has one.
import { json } from "@remix-run/node";
import type { IdentifierKind } from "../../domain/deconfliction/identifiers/kinds";
import { fieldErrors } from "../../domain/validation";
import { formRefusal, type RefusalKeys } from "../../utils/http.server";
import { formValues, targetEnvelopeSchema, valueFromForm, type FormValues } from "./identifier-form";

export interface FormFailure {
  ok: false;
  intent: string;
  formErrors: string[];
  fieldErrors: Record<string, string[]>;
  /** what was typed, so a refused form comes back filled in (also without JavaScript) */
  values: FormValues;
}

/** Forbidden and Conflict reasons these forms explain in place; anything else is the 403/404 page. */
export const TARGET_REFUSALS: RefusalKeys = {
  forbidden: { read_only: "deconfliction:errors.read_only", not_registrant: "deconfliction:errors.not_registrant" },
  namespace: "deconfliction",
};

export function failure(intent: string, status: number, fd: FormData, formErrors: string[], fields: Record<string, string[]>) {
  return json<FormFailure>({ ok: false, intent, formErrors, fieldErrors: fields, values: formValues(fd) }, { status });
}

/** A service refusal as the form's answer: 400 with field errors, 403 read-only, 409 with its reason. */
export function refused(intent: string, fd: FormData, err: unknown) {
  const r = formRefusal(err, TARGET_REFUSALS);
  return failure(intent, r.status, fd, r.formErrors, r.fieldErrors);
}

export type ParsedTargetForm =
  | { ok: true; input: { kind: IdentifierKind; value: Record<string, unknown>; note: string; handlingCode: string } }
  | { ok: false; fields: Record<string, string[]> };

/** The envelope (kind, note, handling code) by zod here; the value by the kind's own schema in the service. */
export function parseTargetForm(fd: FormData): ParsedTargetForm {
  const envelope = targetEnvelopeSchema.safeParse({
    kind: fd.get("kind") ?? undefined,
    note: fd.get("note") ?? undefined,
    handlingCode: fd.get("handlingCode") || undefined,
  });
  if (!envelope.success) return { ok: false, fields: fieldErrors(envelope.error) };
  const { kind, note, handlingCode } = envelope.data;
  return { ok: true, input: { kind, value: valueFromForm(kind, fd), note, handlingCode } };
}
