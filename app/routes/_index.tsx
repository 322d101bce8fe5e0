import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { getUser } from "../utils/auth.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  return redirect((await getUser(request, context)) ? "/dashboard" : "/login");
}
