import { json, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { MyTaskTable } from "../components/board/my-task-table";
import { EmptyState, PageHeader, Pagination } from "../components/ui/misc";
import boardStyles from "../styles/board.css";
import { requireUser } from "../utils/auth.server";
import { useRootData } from "../utils/root-data";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: boardStyles }];
export const meta: MetaFunction = () => [{ title: "Concordia" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { actor } = await requireUser(request, context);
  const raw = Number(new URL(request.url).searchParams.get("page") ?? "1");
  // an out-of-range page in a hand-edited URL shows the first page rather than an error
  const page = Number.isInteger(raw) && raw >= 1 && raw <= 10_000 ? raw : 1;
  return json(await context.services.boards.listMyTasks({ actor, input: { page } }));
}

export default function MyTasks() {
  const { items, page, pageSize, total } = useLoaderData<typeof loader>();
  const { t } = useTranslation(["boards", "common"]);
  const { lng, timeZone } = useRootData();
  return (
    <>
      <PageHeader title={t("boards:my_tasks.title")} description={t("boards:my_tasks.description")} />
      <div className="card">
        {items.length === 0 ? <EmptyState title={t("boards:my_tasks.empty")} /> : <MyTaskTable items={items} lng={lng} timeZone={timeZone} />}
        <Pagination page={page} pageSize={pageSize} total={total} />
      </div>
    </>
  );
}
