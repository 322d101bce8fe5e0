import { useTranslation } from "react-i18next";
import { Badge } from "../ui/misc";

const TONE = { mapping: "amber", queued: "grey", running: "blue", done: "green", failed: "red" } as const;

export function BulkStatusBadge({ status }: { status: keyof typeof TONE }) {
  const { t } = useTranslation("bulk");
  return <Badge tone={TONE[status]}>{t(`status.${status}`)}</Badge>;
}
