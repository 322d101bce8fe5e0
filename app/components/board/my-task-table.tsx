import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { MyTask } from "../../domain/boards/list-my-tasks";
import { formatDateTime } from "../../utils/format";
import { HandlingBadge, PriorityBadge, useColumnName } from "./labels";

/** The reader's open cards across operations, soonest due first. */
export function MyTaskTable({ items, lng, timeZone }: { items: MyTask[]; lng: string; timeZone: string }) {
  const { t } = useTranslation(["boards", "common"]);
  const columnName = useColumnName();
  return (
    <div className="table-wrap">
      <table className="table">
        <thead>
          <tr>
            <th scope="col">{t("boards:my_tasks.task")}</th>
            <th scope="col">{t("boards:my_tasks.operation")}</th>
            <th scope="col">{t("boards:my_tasks.column")}</th>
            <th scope="col">{t("boards:my_tasks.priority")}</th>
            <th scope="col">{t("boards:my_tasks.due")}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((task) => (
            <tr key={task.id}>
              <td>
                <span className="row">
                  <HandlingBadge code={task.handlingCode} />
                  <Link className="task-row-title" to={`/operations/${task.operation.id}/board/${task.id}`}>
                    {task.title}
                  </Link>
                </span>
              </td>
              <td>
                <Link to={`/operations/${task.operation.id}/board`}>{task.operation.codeName}</Link>
                {task.operation.readOnlyReason ? <span className="muted small"> · {t("boards:my_tasks.read_only")}</span> : null}
              </td>
              <td>{columnName(task.column)}</td>
              <td>
                <PriorityBadge priority={task.priority} />
              </td>
              <td className={task.overdue ? "overdue-cell" : undefined}>
                {task.dueAt ? (
                  <>
                    {task.overdue ? <span className="sr-only">{t("boards:card.overdue")}: </span> : null}
                    <time dateTime={task.dueAt}>{formatDateTime(task.dueAt, lng, timeZone)}</time>
                  </>
                ) : (
                  <span className="muted">{t("boards:my_tasks.no_due")}</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
