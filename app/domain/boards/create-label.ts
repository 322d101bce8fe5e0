import { eq, sql } from "drizzle-orm";
import { boardLabels } from "../../../db/schema/index";
import { recordAudit } from "../audit/record-audit";
import { withTransaction, type Actor, type ServiceDeps } from "../context";
import { Invalid } from "../errors";
import { getOperationForActor } from "../operations/access";
import { parseInput } from "../validation";
import type { LabelColour } from "../vocabulary";
import { labelNameTaken } from "./labels";
import { createLabelSchema, MAX_LABELS } from "./schemas";
import { assertWritable, boardChanged, changesBetween, ensureBoard, lockBoard, violatedUnique } from "./support";
import type { LabelView } from "./views";

/** A label of the operation's board; any member who may write can add one. */
export async function createLabel(deps: ServiceDeps, { actor, operationId, input }: { actor: Actor; operationId: string; input: unknown }): Promise<LabelView> {
  const access = await getOperationForActor(deps.db, operationId, actor, deps.now());
  assertWritable(access);
  const data = parseInput(createLabelSchema, input);
  const now = deps.now();
  try {
    return await withTransaction(deps, async (tx, emit) => {
      await ensureBoard(tx, operationId, actor, now, emit);
      await lockBoard(tx, operationId);
      const [{ count }] = (await tx.select({ count: sql<number>`count(*)::int` }).from(boardLabels).where(eq(boardLabels.operationId, operationId))) as [
        { count: number },
      ];
      if (Number(count) >= MAX_LABELS) throw Invalid({ name: ["boards:errors.too_many_labels"] });
      if (await labelNameTaken(tx, operationId, data.name, null)) throw Invalid({ name: ["boards:errors.label_name_taken"] });
      const [label] = await tx.insert(boardLabels).values({ operationId, ...data, createdAt: now, updatedAt: now }).returning();
      await recordAudit(tx, actor, now, {
        action: "board.label_created",
        targetType: "board_label",
        targetId: label!.id,
        operationId,
        details: { changes: changesBetween({}, data) },
      });
      emit(boardChanged({ operationId, change: "board.label_created" }));
      return { id: label!.id, name: label!.name, colour: label!.colour as LabelColour };
    });
  } catch (err) {
    if (violatedUnique(err) === "board_labels_name_key") throw Invalid({ name: ["boards:errors.label_name_taken"] });
    throw err;
  }
}
