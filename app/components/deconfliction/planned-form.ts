// The planned-action form: datetime-local values in the reader's zone, numbers as
// typed (a decimal comma is accepted). Pure: the route parses with it and the
// browser shows the same field errors before submitting.
import { localToIso } from "../board/time";
import { z } from "../../domain/validation";
import { PLANNED_ACTION_KINDS } from "../../domain/vocabulary";

const number = (min: number, max: number, message: string) =>
  z.preprocess(
    (v) => (typeof v === "string" ? (v.trim() === "" ? undefined : Number(v.trim().replace(",", "."))) : v),
    z.number({ required_error: "validation.required", invalid_type_error: message }).min(min, message).max(max, message),
  );

const LOCAL = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/;
const local = z.string({ required_error: "validation.required" }).trim().min(1).regex(LOCAL, "validation.date");

/** The form as typed; `plannedActionInput` turns it into the service's input. */
export const plannedActionFormSchema = z
  .object({
    kind: z.enum(PLANNED_ACTION_KINDS),
    lat: number(-90, 90, "planning:errors.latitude"),
    lon: number(-180, 180, "planning:errors.longitude"),
    radiusM: number(1, 100_000, "planning:errors.radius").refine(Number.isInteger, "planning:errors.radius"),
    startsAt: local,
    endsAt: local,
    version: z.string().optional(),
  })
  .refine((v) => v.startsAt < v.endsAt, { path: ["endsAt"], message: "planning:errors.end_before_start" });
export type PlannedActionForm = z.infer<typeof plannedActionFormSchema>;

export function plannedActionInput(form: PlannedActionForm, timeZone: string) {
  return {
    kind: form.kind,
    lat: form.lat,
    lon: form.lon,
    radiusM: form.radiusM,
    startsAt: localToIso(form.startsAt, timeZone),
    endsAt: localToIso(form.endsAt, timeZone),
    ...(form.version ? { version: form.version } : {}),
  };
}

/** The form's raw values from a post, to fill the fields again after an error. */
export function formValues(fd: FormData) {
  const s = (k: string) => {
    const v = fd.get(k);
    return typeof v === "string" ? v : "";
  };
  return { kind: s("kind"), lat: s("lat"), lon: s("lon"), radiusM: s("radiusM"), startsAt: s("startsAt"), endsAt: s("endsAt") };
}
export type PlannedActionFormValues = ReturnType<typeof formValues>;
