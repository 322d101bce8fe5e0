import type { LinksFunction } from "@remix-run/node";
import { Outlet } from "@remix-run/react";
import deconflictionStyles from "../components/deconfliction/deconfliction.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: deconflictionStyles }];

/** The targets tab: the list (index) and one target's page share the styles. */
export default function TargetsLayout() {
  return <Outlet />;
}
