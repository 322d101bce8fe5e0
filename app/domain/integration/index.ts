// The integration verbs (tokens of national systems), as services.ts binds them.
import { authenticateApiToken } from "./authenticate-api-token";
import { createApiToken } from "./create-api-token";
import { listApiTokens } from "./list-api-tokens";
import { revokeApiToken } from "./revoke-api-token";
import { apiTokenFormOptions } from "./token-form-options";

export const integrationVerbs = {
  createToken: createApiToken,
  listTokens: listApiTokens,
  revokeToken: revokeApiToken,
  tokenFormOptions: apiTokenFormOptions,
  authenticateToken: authenticateApiToken,
};
