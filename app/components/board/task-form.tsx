import { Form } from "@remix-run/react";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { BoardView } from "../../domain/boards/get-board";
import { TASK_DESCRIPTION_MAX, TASK_TITLE_MAX } from "../../domain/boards/schemas";
import { HANDLING_CODES, PLANNED_ACTION_KINDS, TASK_PRIORITIES, TASK_TYPES } from "../../domain/vocabulary";
import { FieldError, FormErrors } from "../ui/field";
import { timeZoneName } from "../../utils/format";
import type { TaskFormValues } from "./task-values";
import { MentionTextarea } from "./mention-textarea";

interface Props {
  values: TaskFormValues;
  version: number;
  members: BoardView["members"];
  labels: BoardView["labels"];
  fieldErrors?: Record<string, string[]>;
  formErrors?: string[];
  lng: string;
  timeZone: string;
  submitLabel: string;
}

/** The full edit form of a card: a plain POST, so it works before (or without) JavaScript. */
export function TaskForm({ values, version, members, labels, fieldErrors = {}, formErrors, lng, timeZone, submitLabel }: Props) {
  const { t } = useTranslation(["boards", "common"]);
  const [type, setType] = useState(values.type);
  // without JavaScript the planned-action fields stay visible (nothing could reveal them)
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  const err = (k: string) => fieldErrors[k] ?? fieldErrors[`plannedAction.${k}`];
  const zone = timeZoneName(lng, timeZone);
  const input = (name: keyof TaskFormValues, label: string, extra: React.InputHTMLAttributes<HTMLInputElement> = {}) => (
    <div className="field">
      <label htmlFor={`tf-${name}`}>{label}</label>
      <input id={`tf-${name}`} name={name} className="input" defaultValue={values[name] as string} aria-invalid={err(name) ? true : undefined} aria-describedby={err(name) ? `tf-${name}-err` : undefined} {...extra} />
      <FieldError id={`tf-${name}-err`} errors={err(name)} />
    </div>
  );
  return (
    <Form method="post" className="form task-form" aria-label={t("boards:detail.edit")}>
      <input type="hidden" name="intent" value="update" />
      <input type="hidden" name="version" value={version} />
      <FormErrors errors={formErrors} />
      {input("title", t("boards:fields.title"), { required: true, maxLength: TASK_TITLE_MAX })}
      <div className="field">
        <label htmlFor="tf-description">{t("boards:fields.description")}</label>
        <MentionTextarea id="tf-description" name="description" className="textarea" rows={6} maxLength={TASK_DESCRIPTION_MAX} defaultValue={values.description} members={members} aria-describedby="tf-description-hint" />
        <span className="hint" id="tf-description-hint">
          {t("boards:detail.markdown_hint")}
        </span>
        <FieldError errors={err("description")} />
      </div>
      <div className="grid-2">
        {input("dueAt", t("boards:fields.due_in_zone", { zone }), { type: "datetime-local" })}
        <div className="field">
          <label htmlFor="tf-priority">{t("boards:fields.priority")}</label>
          <select id="tf-priority" name="priority" className="select" defaultValue={values.priority}>
            {TASK_PRIORITIES.map((p) => (
              <option key={p} value={p}>
                {t(`boards:priority.${p}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="tf-handlingCode">{t("boards:fields.handling_code")}</label>
          <select id="tf-handlingCode" name="handlingCode" className="select" defaultValue={values.handlingCode}>
            {HANDLING_CODES.map((c) => (
              <option key={c} value={c}>
                {c} — {t(`boards:handling.${c}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="tf-type">{t("boards:fields.type")}</label>
          <select id="tf-type" name="type" className="select" defaultValue={values.type} onChange={(e) => setType(e.target.value)}>
            {TASK_TYPES.map((x) => (
              <option key={x} value={x}>
                {t(`boards:types.${x}`)}
              </option>
            ))}
          </select>
          <FieldError errors={fieldErrors.plannedAction} />
        </div>
      </div>
      {/* Hidden only with JavaScript: without it, the fields stay and count for a planned action. */}
      <fieldset className="fieldset planned" hidden={hydrated && type !== "planned_action"}>
        <legend>{t("boards:types.planned_action")}</legend>
        <div className="grid-2">
          <div className="field">
            <label htmlFor="tf-kind">{t("boards:fields.kind")}</label>
            <select id="tf-kind" name="kind" className="select" defaultValue={values.kind}>
              <option value="">—</option>
              {PLANNED_ACTION_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`boards:action_kinds.${k}`)}
                </option>
              ))}
            </select>
            <FieldError errors={err("kind")} />
          </div>
          {input("address", t("boards:fields.address"))}
          {input("latitude", t("boards:fields.latitude"), { inputMode: "decimal" })}
          {input("longitude", t("boards:fields.longitude"), { inputMode: "decimal" })}
          {input("radiusM", t("boards:fields.radius"), { inputMode: "numeric" })}
          <span />
          {input("windowStart", t("boards:fields.window_start", { zone }), { type: "datetime-local" })}
          {input("windowEnd", t("boards:fields.window_end", { zone }), { type: "datetime-local" })}
        </div>
      </fieldset>
      <fieldset className="fieldset">
        <legend>{t("boards:fields.assignees")}</legend>
        <div className="check-grid">
          {members
            .filter((m) => m.role !== "observer" || values.assigneeIds.includes(m.id))
            .map((m) => (
              <label key={m.id} className="check">
                <input type="checkbox" name="assigneeIds" value={m.id} defaultChecked={values.assigneeIds.includes(m.id)} />
                <span>
                  {m.name} <span className="country">{m.country}</span>
                </span>
              </label>
            ))}
        </div>
        <FieldError errors={fieldErrors.assigneeIds} />
      </fieldset>
      {labels.length ? (
        <fieldset className="fieldset">
          <legend>{t("boards:fields.labels")}</legend>
          <div className="check-grid">
            {labels.map((l) => (
              <label key={l.id} className="check">
                <input type="checkbox" name="labelIds" value={l.id} defaultChecked={values.labelIds.includes(l.id)} />
                <span className={`label-chip lc-${l.colour}`}>{l.name}</span>
              </label>
            ))}
          </div>
          <FieldError errors={fieldErrors.labelIds} />
        </fieldset>
      ) : null}
      <div className="form-actions">
        <button type="submit" className="btn btn-primary">
          {submitLabel}
        </button>
      </div>
    </Form>
  );
}
