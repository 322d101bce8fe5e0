import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { ColumnView } from "../../domain/boards/get-board";
import type { LabelView } from "../../domain/boards/views";
import { COLUMN_NAME_MAX, LABEL_NAME_MAX } from "../../domain/boards/schemas";
import { LABEL_COLOURS } from "../../domain/vocabulary";
import { FieldError, FormErrors } from "../ui/field";
import { LabelChip } from "./labels";

type Failed = {
  intent: string;
  fieldErrors: Record<string, string[]>;
  formErrors: string[];
  submitted?: Record<string, unknown>;
} | null;

/** Labels: any member may add one. */
export function LabelManager({
  labels,
  failed,
}: {
  labels: LabelView[];
  failed: Failed;
}) {
  const { t } = useTranslation(["boards", "common"]);
  const mine = failed?.intent === "label_create" ? failed : null;
  return (
    <details
      className="board-settings"
      open={mine ? true : undefined}
      key={labels.length}
    >
      <summary className="btn btn-sm">{t("boards:settings.labels")}</summary>
      <div className="board-settings-body">
        <div className="row wrap">
          {labels.length ? (
            labels.map((l) => <LabelChip key={l.id} label={l} />)
          ) : (
            <span className="muted small">
              {t("boards:settings.no_labels")}
            </span>
          )}
        </div>
        <Form method="post" className="row wrap add-row">
          <input type="hidden" name="intent" value="label_create" />
          <FormErrors errors={mine?.formErrors} />
          <div className="field">
            <label htmlFor="label-name">
              {t("boards:settings.label_name")}
            </label>
            <input
              id="label-name"
              name="name"
              className="input"
              required
              maxLength={LABEL_NAME_MAX}
            />
            <FieldError errors={mine?.fieldErrors.name} />
          </div>
          <div className="field">
            <label htmlFor="label-colour">{t("boards:settings.colour")}</label>
            <select id="label-colour" name="colour" className="select">
              {LABEL_COLOURS.map((c) => (
                <option key={c} value={c}>
                  {t(`boards:colours.${c}`)}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="btn btn-sm btn-primary">
            {t("boards:settings.add_label")}
          </button>
        </Form>
      </div>
    </details>
  );
}

/** Column name, WIP limit and done flag: the operation lead's settings. */
export function ColumnSettings({
  column,
  columns,
  displayName,
  failed,
}: {
  column: ColumnView;
  columns: { id: string; name: string }[];
  displayName: string;
  failed: Failed;
}) {
  const { t } = useTranslation(["boards", "common"]);
  const mine =
    (failed?.intent === "column_update" ||
      failed?.intent === "column_archive") &&
    failed.submitted?.columnId === column.id
      ? failed
      : null;
  const id = `cs-${column.id}`;
  return (
    <details className="column-settings" open={mine ? true : undefined}>
      <summary
        aria-label={t("boards:settings.column", { column: displayName })}
      >
        ⚙
      </summary>
      <div className="column-settings-pop">
        <Form method="post" className="form column-settings-form">
          <input type="hidden" name="intent" value="column_update" />
          <input type="hidden" name="columnId" value={column.id} />
          <FormErrors errors={mine?.formErrors} />
          <div className="field">
            <label htmlFor={`${id}-name`}>
              {t("boards:settings.column_name")}
            </label>
            <input
              id={`${id}-name`}
              name="name"
              className="input"
              maxLength={COLUMN_NAME_MAX}
              defaultValue={column.name ?? ""}
              placeholder={displayName}
            />
            <FieldError errors={mine?.fieldErrors.name} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-wip`}>
              {t("boards:settings.wip_limit")}
            </label>
            <input
              id={`${id}-wip`}
              name="wipLimit"
              className="input"
              inputMode="numeric"
              defaultValue={column.wipLimit ?? ""}
            />
            <FieldError errors={mine?.fieldErrors.wipLimit} />
          </div>
          <label className="check">
            <input
              type="checkbox"
              name="isDone"
              value="true"
              defaultChecked={column.isDone}
            />
            <span>{t("boards:settings.is_done")}</span>
          </label>
          <button type="submit" className="btn btn-sm btn-primary">
            {t("common:actions.save")}
          </button>
        </Form>
        <Form method="post" className="form column-archive-form">
          <input type="hidden" name="intent" value="column_archive" />
          <input type="hidden" name="columnId" value={column.id} />
          {column.taskCount > 0 ? (
            <div className="field">
              <label htmlFor={`${id}-to`}>
                {t("boards:settings.move_cards_to")}
              </label>
              <select
                id={`${id}-to`}
                name="moveTasksTo"
                className="select"
                required
              >
                {columns
                  .filter((c) => c.id !== column.id)
                  .map((c) => (
                    <option key={c.id} value={c.id}>
                      {c.name}
                    </option>
                  ))}
              </select>
              <FieldError errors={mine?.fieldErrors.moveTasksTo} />
            </div>
          ) : null}
          <FieldError errors={mine?.fieldErrors.columnId} />
          <button type="submit" className="btn btn-sm btn-danger">
            {t("boards:settings.archive")}
          </button>
        </Form>
      </div>
    </details>
  );
}

/** A new column at the end of the board: the operation lead's. */
export function AddColumn({
  failed,
  count,
}: {
  failed: Failed;
  count: number;
}) {
  const { t } = useTranslation(["boards", "common"]);
  const mine = failed?.intent === "column_create" ? failed : null;
  return (
    <details
      className="board-settings"
      open={mine ? true : undefined}
      key={count}
    >
      <summary className="btn btn-sm">
        + {t("boards:settings.add_column")}
      </summary>
      <div className="board-settings-body">
        <Form method="post" className="row wrap add-row">
          <input type="hidden" name="intent" value="column_create" />
          <FormErrors errors={mine?.formErrors} />
          <div className="field">
            <label htmlFor="new-column-name">
              {t("boards:settings.column_name")}
            </label>
            <input
              id="new-column-name"
              name="name"
              className="input"
              required
              maxLength={COLUMN_NAME_MAX}
            />
            <FieldError
              errors={mine?.fieldErrors.name ?? mine?.fieldErrors._form}
            />
          </div>
          <div className="field">
            <label htmlFor="new-column-wip">
              {t("boards:settings.wip_limit")}
            </label>
            <input
              id="new-column-wip"
              name="wipLimit"
              className="input"
              inputMode="numeric"
            />
            <FieldError errors={mine?.fieldErrors.wipLimit} />
          </div>
          <button type="submit" className="btn btn-sm btn-primary">
            {t("boards:settings.add_column")}
          </button>
        </Form>
      </div>
    </details>
  );
}
