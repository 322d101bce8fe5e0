import { useActionData } from "@remix-run/react";
import { useEffect, useState } from "react";

/**
 * The action's last answer, kept across revalidations. A live update revalidates
 * the page, and React Router then forgets the action's data: without this, a
 * conflict shown to someone editing would vanish (and their open form close)
 * the moment another member's change arrives.
 */
export function useStickyActionData<T>(): T | undefined {
  const actionData = useActionData<T>() as T | undefined;
  const [kept, setKept] = useState<T | undefined>(actionData);
  useEffect(() => {
    if (actionData !== undefined) setKept(actionData);
  }, [actionData]);
  return actionData ?? kept;
}
