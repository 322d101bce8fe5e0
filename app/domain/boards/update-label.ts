import { eq } from "drizzle-orm";
import { boardLabels } from "../../../db/schema/index";
import { recordAudit } from "../audit/record-audit";
import { withTransaction, type Actor, type ServiceDeps } from "../context";
import { Invalid, NotFound } from "../errors";
import { parseInput } from "../validation";
import type { LabelColour } from "../vocabulary";
import { labelNameTaken } from "./labels";
import { updateLabelSchema } from "./schemas";
import { accessVia, assertWritable, boardChanged, changesBetween, given, idFrom, violatedUnique } from "./support";
import type { LabelView } from "./views";

/** Renames or recolours a label, on every card that wears it. */
export async function updateLabel(deps: ServiceDeps, { actor, operationId, input }: { actor: Actor; operationId?: string; input: unknown }): Promise<LabelView> {
  const labelId = idFrom(input, "labelId");
  const access = await accessVia(deps, actor, "label", labelId, operationId);
  assertWritable(access);
  const { labelId: _, ...parsed } = parseInput(updateLabelSchema, input);
  const data = given(parsed);
  const opId = access.operation.id;
  const now = deps.now();
  try {
    return await withTransaction(deps, async (tx, emit) => {
      const [label] = await tx.select().from(boardLabels).where(eq(boardLabels.id, labelId)).for("update");
      if (!label) throw NotFound();
      if (data.name !== undefined && (await labelNameTaken(tx, opId, data.name, labelId))) throw Invalid({ name: ["boards:errors.label_name_taken"] });
      const changes = changesBetween(label, data);
      if (Object.keys(changes).length === 0) return { id: label.id, name: label.name, colour: label.colour as LabelColour };
      const [updated] = await tx
        .update(boardLabels)
        .set({ ...data, updatedAt: now })
        .where(eq(boardLabels.id, labelId))
        .returning();
      await recordAudit(tx, actor, now, { action: "board.label_updated", targetType: "board_label", targetId: labelId, operationId: opId, details: { changes } });
      emit(boardChanged({ operationId: opId, change: "board.label_updated" }));
      return { id: updated!.id, name: updated!.name, colour: updated!.colour as LabelColour };
    });
  } catch (err) {
    if (violatedUnique(err) === "board_labels_name_key") throw Invalid({ name: ["boards:errors.label_name_taken"] });
    throw err;
  }
}
