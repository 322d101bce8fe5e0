// The values an edit form shows: from the card as stored, or from what the user submitted.
import type { TaskDetail } from "../../domain/boards/views";
import { isoToLocal } from "./time";

export interface TaskFormValues {
  title: string;
  description: string;
  dueAt: string;
  priority: string;
  handlingCode: string;
  type: string;
  kind: string;
  latitude: string;
  longitude: string;
  radiusM: string;
  address: string;
  windowStart: string;
  windowEnd: string;
  assigneeIds: string[];
  labelIds: string[];
}

const FIELDS = ["title", "description", "dueAt", "priority", "handlingCode", "type", "kind", "latitude", "longitude", "radiusM", "address", "windowStart", "windowEnd"] as const;

export function valuesFromTask(task: TaskDetail, timeZone: string): TaskFormValues {
  const pa = task.plannedAction;
  return {
    title: task.title,
    description: task.description,
    dueAt: isoToLocal(task.dueAt, timeZone),
    priority: task.priority,
    handlingCode: task.handlingCode,
    type: task.type,
    kind: pa?.kind ?? "",
    latitude: pa ? String(pa.latitude) : "",
    longitude: pa ? String(pa.longitude) : "",
    radiusM: pa ? String(pa.radiusM) : "",
    address: pa?.address ?? "",
    windowStart: isoToLocal(pa?.windowStart, timeZone),
    windowEnd: isoToLocal(pa?.windowEnd, timeZone),
    assigneeIds: task.assignees.map((a) => a.id),
    labelIds: task.labels.map((l) => l.id),
  };
}

export function valuesFromForm(fd: FormData): TaskFormValues {
  const out = Object.fromEntries(FIELDS.map((k) => [k, typeof fd.get(k) === "string" ? (fd.get(k) as string) : ""])) as Omit<TaskFormValues, "assigneeIds" | "labelIds">;
  const list = (k: string) => fd.getAll(k).filter((v): v is string => typeof v === "string" && v !== "");
  return { ...out, assigneeIds: list("assigneeIds"), labelIds: list("labelIds") };
}

/** The fields where what the user submitted differs from the card as it is now. */
export function differences(now: TaskFormValues, mine: TaskFormValues): (keyof TaskFormValues)[] {
  const same = (a: string | string[], b: string | string[]) => (Array.isArray(a) && Array.isArray(b) ? [...a].sort().join() === [...b].sort().join() : String(a).trim() === String(b).trim());
  const keys = (Object.keys(now) as (keyof TaskFormValues)[]).filter((k) => !same(now[k], mine[k]));
  // the place and window only matter for planned actions
  return now.type === "general" && mine.type === "general" ? keys.filter((k) => !["kind", "latitude", "longitude", "radiusM", "address", "windowStart", "windowEnd"].includes(k)) : keys;
}
