// Plain form posts (they work without JavaScript) turned into the board verbs' inputs.
// The verbs validate with zod; this only reshapes strings, so bad values still fail there.
import { localToIso } from "./time";

const str = (fd: FormData, k: string) => {
  const v = fd.get(k);
  return typeof v === "string" ? v : "";
};
const num = (fd: FormData, k: string) => {
  const v = str(fd, k).trim().replace(",", ".");
  // empty stays NaN so the schema reports the field, never a silent 0
  return v === "" ? Number.NaN : Number(v);
};
const optionalUuid = (fd: FormData, k: string) => str(fd, k) || undefined;

/** The card fields a create or full edit form carries. */
export function taskFieldsFromForm(fd: FormData, timeZone: string) {
  const type = str(fd, "type") || "general";
  const due = str(fd, "dueAt").trim();
  return {
    title: str(fd, "title"),
    description: str(fd, "description"),
    dueAt: due ? localToIso(due, timeZone) : null,
    priority: str(fd, "priority") || "normal",
    handlingCode: str(fd, "handlingCode") || "H0",
    type,
    plannedAction:
      type === "planned_action"
        ? {
            kind: str(fd, "kind"),
            latitude: num(fd, "latitude"),
            longitude: num(fd, "longitude"),
            radiusM: num(fd, "radiusM"),
            address: str(fd, "address") || null,
            windowStart: localToIso(str(fd, "windowStart"), timeZone),
            windowEnd: localToIso(str(fd, "windowEnd"), timeZone),
          }
        : null,
    assigneeIds: fd.getAll("assigneeIds").filter((v): v is string => typeof v === "string" && v !== ""),
    labelIds: fd.getAll("labelIds").filter((v): v is string => typeof v === "string" && v !== ""),
  };
}

export function versionFromForm(fd: FormData) {
  return Number(str(fd, "version"));
}

export function moveFromForm(fd: FormData) {
  const position = str(fd, "position");
  return {
    taskId: str(fd, "taskId"),
    toColumnId: str(fd, "toColumnId"),
    beforeTaskId: optionalUuid(fd, "beforeTaskId"),
    afterTaskId: optionalUuid(fd, "afterTaskId"),
    position: position === "" ? undefined : Number(position),
    version: versionFromForm(fd),
  };
}

export { str as formString };
