// The one place zod learns `.openapi()`: every schema of the API document is
// built from this import, after the extension.
import { extendZodWithOpenApi } from "@asteasolutions/zod-to-openapi";
import { z } from "../../domain/validation";

extendZodWithOpenApi(z);
export { z };
