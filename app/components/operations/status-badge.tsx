import { useTranslation } from "react-i18next";
import { Badge } from "../ui/misc";

const TONE = { planning: "blue", active: "green", suspended: "amber", closed: "grey" } as const;

export function OperationStatusBadge({ status }: { status: string }) {
  const { t } = useTranslation("operations");
  return <Badge tone={TONE[status as keyof typeof TONE] ?? "grey"}>{t(`status.${status}`)}</Badge>;
}
