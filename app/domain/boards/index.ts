// The board verbs, as services.ts binds them.
import { addChecklistItem } from "./add-checklist-item";
import { addComment } from "./add-comment";
import { archiveColumn } from "./archive-column";
import { createColumn } from "./create-column";
import { createLabel } from "./create-label";
import { createTask } from "./create-task";
import { deleteLabel } from "./delete-label";
import { editComment } from "./edit-comment";
import { getBoard } from "./get-board";
import { getTask } from "./get-task";
import { getTaskHistory } from "./get-task-history";
import { getWorkload } from "./get-workload";
import { linkTasks } from "./link-tasks";
import { listMyTasks } from "./list-my-tasks";
import { moveChecklistItem } from "./move-checklist-item";
import { moveColumn } from "./move-column";
import { moveTask } from "./move-task";
import { notifyDueSoon } from "./notify-due-soon";
import { reassignTask } from "./reassign-task";
import { removeChecklistItem } from "./remove-checklist-item";
import { unlinkTasks } from "./unlink-tasks";
import { updateChecklistItem } from "./update-checklist-item";
import { updateColumn } from "./update-column";
import { updateLabel } from "./update-label";
import { updateTask } from "./update-task";

export const boardVerbs = {
  getBoard,
  getTask,
  getTaskHistory,
  listMyTasks,
  getWorkload,
  createColumn,
  updateColumn,
  moveColumn,
  archiveColumn,
  createLabel,
  updateLabel,
  deleteLabel,
  createTask,
  updateTask,
  moveTask,
  reassignTask,
  addChecklistItem,
  updateChecklistItem,
  removeChecklistItem,
  moveChecklistItem,
  addComment,
  editComment,
  linkTasks,
  unlinkTasks,
  notifyDueSoon,
};
